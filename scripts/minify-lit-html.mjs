// Drops the indentation after line breaks in the static text of Lit `html` and `svg` tagged templates at build
// time. Only spaces and tabs that follow a line break go, and only between tags or in text (never inside a
// quoted attribute value); every line break stays, so text still has whitespace wherever it had it (the
// same rendering with `white-space` normal, nowrap or pre-line, the only ones the elements use), and source
// maps stay true line for line. A template containing `<pre` or `<textarea>` text is left as written.
// Used by the embed build (rollup.config.mjs).
import ts from 'typescript';

/**
 * Minifies the static parts of one template, given in order; `state` carries the HTML tokenizer state
 * across `${…}` expressions: 'text', 'tag', or the quote character of an open attribute value.
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
  if (!code.includes('html`') && !code.includes('svg`')) return code;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** [start, end] of each static part, in source order. */
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'svg')) {
      const t = node.template;
      const spans = ts.isNoSubstitutionTemplateLiteral(t)
        ? [[t.getStart() + 1, t.end - 1]]
        : [[t.head.getStart() + 1, t.head.end - 2], ...t.templateSpans.map((s, i) => [s.literal.getStart() + 1, s.literal.end - (i === t.templateSpans.length - 1 ? 1 : 2)])];
      const minified = minifyHtmlParts(spans.map(([s, e]) => code.slice(s, e)));
      spans.forEach(([s, e], i) => edits.push([s, e, minified[i]]));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits) {
    out += code.slice(at, start) + text;
    at = end;
  }
  return out + code.slice(at);
}

const ours = (id) => /\.[cm]?[jt]s$/.test(id) && !id.includes('/node_modules/');

/** Rollup plugin; put it before the TypeScript plugin. Lines are kept, so the existing source map stands (`map: null`). */
export function minifyLitHtmlRollup() {
  return {
    name: 'minify-lit-html',
    transform(code, id) {
      if (!ours(id)) return null;
      const out = minifyLitHtml(code, id);
      return out === code ? null : { code: out, map: null };
    },
  };
}
