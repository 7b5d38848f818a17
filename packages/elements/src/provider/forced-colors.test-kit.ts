// For browser tests only (web-test-runner's server command): stories import browser-test-kit.ts, and
// Storybook's build cannot resolve @web/test-runner-commands, so this helper lives apart.
import { executeServerCommand } from '@web/test-runner-commands';
import { ok } from './browser-test-kit.js';

/** Runs `body` with Chromium in forced-colours mode (Windows high contrast; web-test-runner.config.mjs's plugin). */
export async function inForcedColors(body: () => Promise<void>): Promise<void> {
  await executeServerCommand('emulate-forced-colors', { active: true });
  try {
    ok(matchMedia('(forced-colors: active)').matches, 'forced colours are on');
    await body();
  } finally {
    await executeServerCommand('emulate-forced-colors', { active: false });
  }
}

declare const afterEach: ((fn: () => Promise<void>) => void) | undefined;

// `finally` above is not reached while the body of a test that timed out still waits: mocha moves on with the
// mode on, for the next tests of the file and, as web-test-runner reuses the page and the plugin keeps its CDP
// session, for the files after it. After every test of a file that imports this kit, it is turned off.
if (typeof afterEach === 'function') {
  afterEach(async () => {
    if (matchMedia('(forced-colors: active)').matches) await executeServerCommand('emulate-forced-colors', { active: false });
  });
}
