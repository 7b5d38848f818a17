import { noChange } from 'lit';
import { Directive, PartType, directive, type PartInfo, type PropertyPart } from 'lit/directive.js';

/** The values of a one-per-line text box: lines trimmed, blank ones dropped. */
export function parseLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

class ListText extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.PROPERTY) throw new Error('listText() binds a text box’s .value');
  }

  render(values: readonly string[]): string {
    return values.join('\n');
  }

  /** Leaves the text as typed while it already means these values (a new line just started, spaces). */
  override update(part: PropertyPart, [values]: [readonly string[]]): string | typeof noChange {
    const typed = (part.element as HTMLTextAreaElement).value;
    return sameList(parseLines(typed), values) ? noChange : this.render(values);
  }
}

/** Binds a list to a textarea's `.value`, one value per line, without undoing a line being typed. */
export const listText = directive(ListText);
