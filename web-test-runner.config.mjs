// Browser tests in real Chromium: CHROME_PATH if set, else Debian's /usr/bin/chromium.
import { writeFileSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { testEnvMiddleware, testEnvPlugin } from './scripts/test-env.mjs';
import { forcedColorsPlugin } from './scripts/wtr-forced-colors.mjs';
import { axNodePlugin } from './scripts/wtr-ax-node.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Writes pass/fail/skip counts for scripts/test.mjs's closing line. */
function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const visit = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) counts.skipped++;
          else if (t.passed) counts.passed++;
          else counts.failed++;
        }
        for (const s of suite.suites) visit(s);
      };
      for (const session of sessions) {
        if (session.testResults) visit(session.testResults);
        if (session.errors?.length && !session.testResults?.tests.length) counts.failed++;
      }
      if (process.env.MP_WTR_SUMMARY) writeFileSync(process.env.MP_WTR_SUMMARY, JSON.stringify(counts));
    },
  };
}

/**
 * `/__mp/redirect/…` answers 307 to `/__mp/landed`, which counts what reaches it (`GET /__mp/landed` says how
 * many): the SDK's browser test checks that a call carrying secrets follows no redirect.
 */
let landed = 0;
async function redirectTrap(ctx, next) {
  if (ctx.path.startsWith('/__mp/redirect/')) {
    ctx.status = 307;
    ctx.set('Location', '/__mp/landed');
  } else if (ctx.path === '/__mp/landed') {
    if (ctx.method !== 'GET') landed++;
    ctx.body = { landed };
  } else {
    return next();
  }
}

export default {
  files: ['packages/elements/src/**/*.test.ts', 'packages/*/test/**/*.browser.test.ts', 'stories/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser'] },
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  middleware: [testEnvMiddleware, redirectTrap],
  plugins: [testEnvPlugin, a11ySnapshotPlugin(), forcedColorsPlugin(), axNodePlugin(), esbuildPlugin({ ts: true, json: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
