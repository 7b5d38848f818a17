// Drops the indentation after line breaks in the static text of Lit `html` and `svg` tagged templates at build
// time. Only spaces and tabs that follow a line break go, and only between tags or in text (never inside a
// quoted attribute value); every line break stays, so text still has whitespace wherever it had it (the
// same rendering with `white-space` normal, nowrap or pre-line, the only ones the elements use), and source
// maps stay true line for line. A template containing `<pre` or `<textarea>` text is left as written.
// Applied through scripts/minify-lit.mjs.
import { rewriteTaggedTemplates } from './lit-templates.mjs';

/**
 * Minifies the static parts of one template, given in order. The HTML tokenizer state ('text', 'tag', or the
 * quote character of an open attribute value) carries across the `${…}` expressions between parts.
 */
export function minifyHtmlParts(parts) {
  if (parts.some((p) => /<pre[\s>]|<textarea[^>]*>[^<]/i.test(p))) return parts;
  let state = 'text';
  return parts.map((raw) => {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i];
      if (state === 'text') {
        if (c === '<' && /[a-zA-Z/!]/.test(raw[i + 1] ?? '')) state = 'tag';
      } else if (state === 'tag') {
        if (c === '"' || c === "'") state = c;
        else if (c === '>') state = 'text';
      } else if (c === state) state = 'tag';
      out += c;
      if (c === '\n' && (state === 'text' || state === 'tag')) while (raw[i + 1] === ' ' || raw[i + 1] === '\t') i++;
    }
    return out;
  });
}

/** Returns `code` (TypeScript or JavaScript) with the indentation dropped from every `html`/`svg` template. */
export function minifyLitHtml(code, fileName = 'module.ts') {
  return rewriteTaggedTemplates(code, fileName, { html: minifyHtmlParts, svg: minifyHtmlParts });
}
