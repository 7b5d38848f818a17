import { parse, type ValueNode } from '@humanwhocodes/momoa';
import { escapePointerToken } from '@memberpulse/integration-schema';

/** A name given more than once in one object, and where. */
export interface DuplicateKey {
  name: string;
  pointer: string;
}

/**
 * The members a JSON text names more than once in one object, each place once.
 * `JSON.parse` keeps the last value of such a name and drops the others unseen, and other parsers may
 * keep the first (RFC 8259 leaves it open; I-JSON, RFC 7493, forbids it), so a body with one is refused
 * rather than half read. `text` must already have parsed as JSON no deeper than `MAX_JSON_DEPTH`: the
 * walk recurses.
 */
export function duplicateKeys(text: string): DuplicateKey[] {
  const found = new Map<string, DuplicateKey>();
  const walk = (node: ValueNode, at: string): void => {
    if (node.type === 'Array') node.elements.forEach((element, i) => walk(element.value, `${at}/${i}`));
    if (node.type !== 'Object') return;
    const names = new Set<string>();
    for (const { name, value } of node.members) {
      const key = name.type === 'String' ? name.value : name.name;
      const here = `${at}/${escapePointerToken(key)}`;
      if (names.has(key)) found.set(here, { name: key, pointer: here });
      names.add(key);
      walk(value, here);
    }
  };
  walk(parse(text, { mode: 'json' }).body, '');
  return [...found.values()];
}
