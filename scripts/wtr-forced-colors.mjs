// A web-test-runner command, `emulate-forced-colors` ({ active: boolean }), that turns Chromium's
// forced-colours mode (Windows high contrast) on or off for the test page through CDP: puppeteer's own
// emulateMediaFeatures refuses that feature, and @web/test-runner-commands' emulateMedia does not pass it.
export function forcedColorsPlugin() {
  // An emulation lasts as long as the CDP session that set it: one per page, kept open.
  const sessions = new WeakMap();
  return {
    name: 'mp-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
      return true;
    },
  };
}
