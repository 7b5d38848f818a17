import { noChange } from 'lit';
import { Directive, PartType, directive, type PartInfo, type PropertyPart } from 'lit/directive.js';
import { setCommittedValue } from 'lit/directive-helpers.js';

/** How a value reads in a text box, and how the box's text reads back. */
interface TextForm<V> {
  format(value: V): string;
  parse(text: string): V;
  same(a: V, b: V): boolean;
}

class KeptText extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.PROPERTY) throw new Error('A kept-text directive binds a text box’s .value');
  }

  render<V>(value: V, form: TextForm<V>): string {
    return form.format(value);
  }

  /**
   * Leaves the text as typed while it already means the value (a line being started, "05000"); otherwise
   * writes the value, also when it is the text written last time (the admin typed over it since).
   */
  override update<V>(part: PropertyPart, [value, form]: [V, TextForm<V>]): string | typeof noChange {
    if (form.same(form.parse((part.element as HTMLInputElement).value), value)) return noChange;
    setCommittedValue(part);
    return form.format(value);
  }
}

const keptText = directive(KeptText);

/** The values of a one-per-line text box: lines trimmed, blank ones dropped. */
export function parseLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

const lines: TextForm<readonly string[]> = {
  format: (values) => values.join('\n'),
  parse: parseLines,
  same: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
};

/** A number setting as the draft holds it: a number, or '' (nothing, or nothing that parses yet). */
type NumberValue = number | '';

/** What a number box's text means: its number, or '' while it is empty or does not parse. */
export function parseNumber(text: string): NumberValue {
  return text.trim() === '' || !Number.isFinite(Number(text)) ? '' : Number(text);
}

const numbers: TextForm<NumberValue> = {
  format: (value) => String(value),
  parse: parseNumber,
  same: (a, b) => a === b,
};

/** Binds a list to a textarea's `.value`, one value per line, without undoing a line being typed. */
export const listText = (values: readonly string[]) => keptText(values, lines);

/** Binds a number to an input's `.value` without rewriting what the admin typed while it means the same. */
export const numberText = (value: NumberValue) => keptText(value, numbers);
