// Shared by the build-time minifiers of Lit templates (minify-lit-css.mjs, minify-lit-html.mjs, minify-lit.mjs):
// finds the tagged templates in a TypeScript or JavaScript module and rewrites their static text in place.
import ts from 'typescript';

/**
 * Returns `code` with the static parts of every template tagged with a key of `rewriters` rewritten, in one
 * parse of the module: the tag's rewriter gets one template's parts in order (the text around its `${…}`
 * expressions) and answers them rewritten. It must keep every line break, so the module's source map stays
 * true without a new one.
 */
export function rewriteTaggedTemplates(code, fileName, rewriters) {
  const tags = Object.keys(rewriters);
  if (!tags.some((tag) => code.includes(`${tag}\``))) return code;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** [start, end, replacement] of each static part, in source order. */
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && Object.hasOwn(rewriters, node.tag.text)) {
      const t = node.template;
      const spans = ts.isNoSubstitutionTemplateLiteral(t)
        ? [[t.getStart() + 1, t.end - 1]]
        : [[t.head.getStart() + 1, t.head.end - 2], ...t.templateSpans.map((s, i) => [s.literal.getStart() + 1, s.literal.end - (i === t.templateSpans.length - 1 ? 1 : 2)])];
      const rewritten = rewriters[node.tag.text](spans.map(([start, end]) => code.slice(start, end)));
      spans.forEach(([start, end], i) => edits.push([start, end, rewritten[i]]));
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
