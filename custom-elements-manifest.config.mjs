// custom-elements.json for the elements package: feeds Storybook's docs, IDEs and docs/elements.md.

/**
 * The analyzer's Lit support reads `static properties` but treats every entry as an attribute unless it says
 * `attribute: false`, and marks each as public. Lit itself gives `state: true` entries no attribute (they are
 * private reactive state), so this drops those attributes, and the explicit `privacy: 'public'` it adds,
 * leaving the manifest as the decorators described it.
 */
function litStaticPropertiesAsLit() {
  return {
    name: 'lit-static-properties-as-lit',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const klass = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      const statics = node.members.find(
        (m) => m.name?.getText() === 'properties' && m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword),
      );
      if (!klass || !statics?.initializer || !ts.isObjectLiteralExpression(statics.initializer)) return;
      for (const entry of statics.initializer.properties) {
        if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
        const name = entry.name.getText();
        const member = klass.members?.find((m) => m.name === name);
        if (member?.privacy === 'public') delete member.privacy;
        const isState = entry.initializer.properties.some(
          (p) => ts.isPropertyAssignment(p) && p.name.getText() === 'state' && p.initializer.kind === ts.SyntaxKind.TrueKeyword,
        );
        if (!isState) continue;
        if (member) delete member.attribute;
        klass.attributes = klass.attributes?.filter((a) => a.fieldName !== name);
      }
    },
  };
}

/** Statics that Lit and the browser read, or that only keep bundlers from dropping registrations: not for hosts. */
const PLUMBING = new Set(['shadowRootOptions', 'formAssociated', 'dependencies']);

/**
 * The manifest describes the public API: private, protected and `#private` members, and the statics Lit and
 * the browser read, are left out, so Storybook's controls, IDEs and the reference list nothing a host cannot
 * use. Public statics stay (an event class's `type`).
 */
function publicMembersOnly() {
  const hidden = (m) => m.privacy === 'private' || m.privacy === 'protected' || m.name.startsWith('#') || (m.static && PLUMBING.has(m.name));
  return {
    name: 'public-members-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter((m) => !hidden(m));
        }
      }
    },
  };
}

// Found by `cem analyze` in the working folder: every run (npm run manifest, build, test) takes all its options from here.
export default {
  quiet: true,
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.test-kit.ts', '**/*.stories.ts', '**/test-fixtures/**', '**/*.styles.ts'],
  // The manifest test writes a copy elsewhere, leaving the shipped one alone.
  outdir: process.env.MP_MANIFEST_OUTDIR ?? 'packages/elements',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [litStaticPropertiesAsLit(), publicMembersOnly()],
};
