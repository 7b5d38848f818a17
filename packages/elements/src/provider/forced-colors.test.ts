// inForcedColors turns the mode off in `finally`, which a test that times out never reaches while its body
// still waits: the mode would stay on for the next tests of the file and, since web-test-runner reuses the
// page and the command's CDP session, for the files after it. The kit's own afterEach turns it off.
import { executeServerCommand } from '@web/test-runner-commands';
import { ok } from './browser-test-kit.js';
import './forced-colors.test-kit.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;

const forced = () => matchMedia('(forced-colors: active)').matches;

describe('forced colours in browser tests', () => {
  it('a test may leave them on (as one timed out inside inForcedColors does)', async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    ok(forced(), 'on');
  });

  it('the next test starts without them', async () => {
    ok(!forced(), 'forced colours left on by the test before');
  });
});
