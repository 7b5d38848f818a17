import { noChange } from 'lit';
import { Directive, PartType, directive, type PartInfo, type PropertyPart } from 'lit/directive.js';

/** A number setting's value as the draft holds it: a number, or '' (nothing, or nothing that parses yet). */
type NumberValue = number | '' | undefined;

/** What a number box's text means: its number, or '' while it is empty or does not parse. */
function meaning(text: string): number | '' {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) ? '' : n;
}

class NumberText extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.PROPERTY) throw new Error('numberText() binds a number box’s .value');
  }

  render(value: NumberValue): string {
    return value === undefined ? '' : String(value);
  }

  /** Leaves the text as typed while it already means this value ("05000", a run of nines past double precision). */
  override update(part: PropertyPart, [value]: [NumberValue]): string | typeof noChange {
    return meaning((part.element as HTMLInputElement).value) === (value ?? '') ? noChange : this.render(value);
  }
}

/** Binds a number to an input's `.value` without rewriting what the admin typed while it means the same. */
export const numberText = directive(NumberText);
