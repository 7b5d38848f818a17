import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { ArgTypes } from '@storybook/web-components-vite';
import manifest from '../../packages/elements/custom-elements.json' with { type: 'json' };

interface Attribute {
  name: string;
  fieldName?: string;
  type?: { text: string };
  default?: string;
}

const byTag = new Map<string, Attribute[]>();

/** The attributes custom-elements.json gives `tag` (each with the property it sets), looked up once per tag. */
export function attributesOf(tag: string): Attribute[] {
  let attributes = byTag.get(tag);
  if (!attributes) {
    const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => 'tagName' in d && d.tagName === tag);
    if (!declaration) throw new Error(`${tag} is not in custom-elements.json`);
    attributes = ((declaration as { attributes?: Attribute[] }).attributes ?? []).filter((a) => a.fieldName);
    byTag.set(tag, attributes);
  }
  return attributes;
}

/** The manifest's default (source text, such as `''`, `'always'`, `10`, `false`) as a value; none is `undefined`. */
function parseDefault(text: string | undefined): unknown {
  if (text === undefined || text === 'undefined') return undefined;
  return JSON.parse(text.replace(/^'(.*)'$/, '"$1"'));
}

const controlFor = (type: string, options: readonly string[] | undefined) => {
  if (options) return { control: 'select' as const, options };
  if (type === 'boolean') return { control: 'boolean' as const };
  if (type === 'number') return { control: 'number' as const };
  if (/^string( \| undefined)?$/.test(type)) return { control: 'text' as const };
  throw new Error(`an attribute of type ${type} needs its options`);
};

/**
 * Args and controls for every attribute the custom-elements manifest gives `tag`, by property name, each
 * starting at the element's default; bound by {@link attributes}. Attributes of a named union type (the
 * manifest has only its name) take their `options` from the story.
 */
export function attributeArgs(tag: string, options: Record<string, readonly string[]> = {}): { args: Record<string, unknown>; argTypes: ArgTypes } {
  const attributes = attributesOf(tag);
  return {
    args: Object.fromEntries(attributes.map((a) => [a.fieldName!, parseDefault(a.default)])),
    argTypes: Object.fromEntries(
      // Keyed by property (the args are), named by the attribute an HTML author writes (`page-size`).
      attributes.map((a) => [a.fieldName!, { name: a.name, ...controlFor(a.type?.text ?? 'string', options[a.fieldName!]), table: { category: 'attributes' } }]),
    ),
  };
}

class AttributeProperties extends Directive {
  /** What each property was last set to from its arg. */
  readonly #set = new Map<string, unknown>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('attributes() goes on an element');
  }
  render(_tag: string, _args: object) {
    return noChange;
  }
  override update(part: ElementPart, [tag, args]: [string, object]) {
    const values = args as Record<string, unknown>;
    const element = part.element as unknown as Record<string, unknown>;
    // Only an arg that changed is set, as a property binding does: a control change keeps what was done in the story.
    for (const { fieldName } of attributesOf(tag)) {
      const value = values[fieldName!];
      if (this.#set.has(fieldName!) && Object.is(this.#set.get(fieldName!), value)) continue;
      this.#set.set(fieldName!, value);
      element[fieldName!] = value;
    }
    return noChange;
  }
}

/**
 * Sets every manifest attribute of `tag` on the element from the story's args, by property: `<mp-x ${attributes('mp-x', args)}>`.
 * Like a property binding, it sets only args that changed: a value changed inside the story (a sort, a choice) stays
 * until its own control changes, also through "Reset controls" when that control was never touched.
 */
export const attributes = directive(AttributeProperties);
