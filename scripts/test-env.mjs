// The API beside the browser: starts, once, the real API server (in-memory PGlite) and the loopback
// Salesforce-compatible server, and answers POST /__mp/test-env with a fresh tenant's tokens, so browser
// tests and Storybook's stories talk to the real API with no mock of our own. Web-test-runner mounts it
// as Koa middleware; Storybook's Vite servers (.storybook/test-env-plugin.ts) as connect middleware.
import { randomUUID } from 'node:crypto';

/** Where the fresh environment is asked for. */
export const TEST_ENV_PATH = '/__mp/test-env';

/**
 * Where a story puts the loopback org's API usage at `?atLeast=` calls, as if they had been spent (the count
 * only grows, so stories shown side by side agree); answers `{ used, max }`. Spending them through the API
 * took hundreds of round trips, too slow for a story's 20 s on a busy machine.
 */
export const SALESFORCE_USAGE_PATH = '/__mp/salesforce-usage';

let started;

/** Starts the loopback Salesforce (the repo's tools/fake-salesforce). */
async function startSalesforce() {
  const fake = await import('@memberpulse/fake-salesforce');
  const server = await fake.startFakeSalesforce({ port: 0 });
  return {
    server,
    details: {
      url: server.url,
      consumerKey: fake.FAKE_CONSUMER_KEY,
      consumerSecret: fake.FAKE_CONSUMER_SECRET,
      username: fake.FAKE_USERNAME,
      password: fake.FAKE_PASSWORD,
      securityToken: fake.FAKE_SECURITY_TOKEN,
    },
  };
}

async function start() {
  delete process.env.HTTP_PROXY;
  delete process.env.HTTPS_PROXY;
  delete process.env.http_proxy;
  delete process.env.https_proxy;
  const { startServer, signDevToken } = await import('@memberpulse/integration-server');
  const salesforce = await startSalesforce();
  // A server that fails to start must not leave the loopback Salesforce listening (a later request starts both again).
  const server = await startServer({
    // A throw-away test server whatever NODE_ENV its host runs under (Vite's preview server sets production).
    env: { ...process.env, NODE_ENV: 'test' },
    port: 0,
    host: '127.0.0.1',
    databaseUrl: 'memory://',
    dev: true,
    corsOrigins: ['*'],
    salesforceLoginUrl: salesforce.server.url,
    log: () => {},
  }).catch(async (error) => {
    await salesforce.server.close();
    throw error;
  });
  const tokensFor = async (tenant, expiresIn, adminSub) => {
    const tokens = {};
    for (const role of ['admin', 'editor', 'viewer', 'auditor']) {
      const sub = (role === 'admin' && adminSub) || `${role}@${tenant}`;
      tokens[role] = await signDevToken({ tenant, role, sub }, server.config, { expiresIn });
    }
    return tokens;
  };
  return {
    server,
    salesforce,
    /** A fresh tenant; its admin's tokens name `adminSub` as their subject where one is given. */
    async env(adminSub) {
      const tenant = `t-${randomUUID().slice(0, 8)}`;
      const otherTenant = `t-${randomUUID().slice(0, 8)}`;
      return {
        apiUrl: server.url,
        tenant,
        tokens: await tokensFor(tenant, undefined, adminSub),
        renewedTokens: await tokensFor(tenant, '11h', adminSub),
        otherTenant: { tenant: otherTenant, tokens: await tokensFor(otherTenant) },
        salesforce: salesforce.details,
      };
    },
    async close() {
      await server.close();
      await salesforce.server.close();
    },
  };
}

/** Starts the servers unless they run (again after a failed start). */
function startOnce() {
  started ??= start().catch((error) => {
    started = undefined;
    throw error;
  });
  return started;
}

/** A fresh tenant's environment, starting the servers on the first call; `adminSub` names its admin. */
export async function freshTestEnv(adminSub) {
  return (await startOnce()).env(adminSub);
}

/** Stops the servers if they were started; a later freshTestEnv() starts them again. */
export async function stopTestEnv() {
  const running = started;
  started = undefined;
  if (running) await (await running).close();
}

/** The loopback org's usage, raised to `atLeast` calls when it is under. */
async function spendSalesforceCalls(atLeast) {
  const fake = (await startOnce()).salesforce.server;
  if (Number.isSafeInteger(atLeast) && atLeast > fake.apiUsage().used) fake.setApiUsage(atLeast);
  return fake.apiUsage();
}

/** What each path answers, by its query. */
const routes = new Map([
  [TEST_ENV_PATH, (query) => freshTestEnv(query.get('adminSub') || undefined)],
  [SALESFORCE_USAGE_PATH, (query) => spendSalesforceCalls(Number(query.get('atLeast')))],
]);

/** Koa middleware for web-test-runner's `middleware` option. */
export async function testEnvMiddleware(ctx, next) {
  const route = routes.get(ctx.path);
  if (!route) return next();
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(await route(ctx.URL.searchParams));
}

/** Connect middleware for Vite's dev and preview servers; a failed start answers 503 with its reason. */
export function testEnvConnectMiddleware(req, res, next) {
  const url = new URL(req.url ?? '/', 'http://x');
  const route = routes.get(url.pathname);
  if (!route) return next();
  route(url.searchParams).then(
    (body) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(body));
    },
    (error) => {
      console.error(`${url.pathname}: the API beside Storybook did not start:`, error);
      res.statusCode = 503;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`The API beside Storybook did not start: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}

/**
 * Web-test-runner starts the servers before any browser opens, so their start-up (PGlite's first
 * compile, migrations) never counts against the first test's 20 s timeout on a busy machine; and it
 * stops them at the end.
 */
export const testEnvPlugin = {
  name: 'mp-test-env',
  serverStart: async () => {
    await startOnce();
  },
  serverStop: stopTestEnv,
};
