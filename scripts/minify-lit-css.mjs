// Minifies the text of Lit `css` tagged templates at build time: drops comments, collapses whitespace and
// removes it around punctuation where CSS ignores it. Line breaks stay (one per original line) so source
// maps remain true line for line without generating a new map. Quoted strings and escapes are copied as
// written; `${…}` expressions are left alone. `html` templates are not touched (their whitespace can be text).
// Applied through scripts/minify-lit.mjs.
import { rewriteTaggedTemplates } from './lit-templates.mjs';

/** No whitespace is needed after these… */
const TIGHT_AFTER = new Set(['{', '}', ';', ',', ':', '(']);
/** …nor before these. (Not before `(`: `and (` must not become the function token `and(`.) */
const TIGHT_BEFORE = new Set(['{', '}', ';', ',', ')']);

/**
 * Minifies one static part of a `css` template. `first`/`last` say whether the part starts/ends the
 * template (rather than touching a `${…}` expression, where one space is kept).
 */
function minifyCssText(raw, { first = true, last = true } = {}) {
  let out = '';
  /** Newlines in the whitespace (and comments) seen since the last token; null when there was none. */
  let gap = null;
  const closeGap = (next) => {
    if (gap === null) return;
    const prev = out.replace(/\n+$/, '').at(-1);
    const tight = (prev === undefined ? first : TIGHT_AFTER.has(prev)) || (next === undefined ? last : TIGHT_BEFORE.has(next));
    out += gap > 0 ? '\n'.repeat(gap) : tight ? '' : ' ';
    gap = null;
  };
  for (let i = 0; i < raw.length; ) {
    const c = raw[i];
    if (/\s/.test(c)) {
      gap = (gap ?? 0) + (c === '\n' ? 1 : 0);
      i++;
    } else if (c === '/' && raw[i + 1] === '*') {
      const end = raw.indexOf('*/', i + 2);
      const stop = end < 0 ? raw.length : end + 2;
      gap = (gap ?? 0) + (raw.slice(i, stop).match(/\n/g)?.length ?? 0);
      i = stop;
    } else if (c === '"' || c === "'") {
      closeGap(c);
      let j = i + 1;
      while (j < raw.length && raw[j] !== c) j += raw[j] === '\\' ? 2 : 1;
      out += raw.slice(i, j + 1);
      i = j + 1;
    } else if (c === '\\') {
      closeGap(c);
      out += raw.slice(i, i + 2);
      i += 2;
    } else {
      closeGap(c);
      // A last declaration needs no semicolon.
      if (c === '}') out = out.replace(/(?<!\\);(\n*)$/, '$1');
      out += c;
      i++;
    }
  }
  closeGap(undefined);
  return out;
}

/** Minifies one `css` template's static parts, given in order (one space stays where a part meets `${…}`). */
export const minifyCssParts = (parts) => parts.map((part, i) => minifyCssText(part, { first: i === 0, last: i === parts.length - 1 }));

/** Returns `code` (TypeScript or JavaScript) with the static text of every `css\`…\`` template minified. */
export function minifyLitCss(code, fileName = 'module.ts') {
  return rewriteTaggedTemplates(code, fileName, { css: minifyCssParts });
}
