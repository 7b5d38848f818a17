// A web-test-runner command, `ax-node` ({ selector }), that returns the role, accessible name, description, value
// and checked state Chromium gives the element the selector finds (`pierce/` reaches into shadow roots). a11ySnapshot cannot:
// it keeps only "interesting" nodes, which leaves out a listbox's options and a fieldset's group.
export function axNodePlugin() {
  return {
    name: 'mp-ax-node',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ax-node') return undefined;
      const page = session.browser.getPage(session.id);
      const handle = await page.$(payload.selector);
      if (!handle) return null;
      try {
        const node = await page.accessibility.snapshot({ root: handle, interestingOnly: false });
        return node && { role: node.role, name: node.name ?? '', description: node.description ?? '', value: String(node.value ?? ''), checked: node.checked ?? false };
      } finally {
        await handle.dispose();
      }
    },
  };
}
