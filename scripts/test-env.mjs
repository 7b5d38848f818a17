// Web-test-runner middleware: starts, once, the real API server (in-memory PGlite) and the loopback
// Salesforce-compatible server, and answers POST /__mp/test-env with a fresh tenant's tokens, so
// browser tests talk to the real API with no mock of our own.
import { randomUUID } from 'node:crypto';

let started;

async function start() {
  delete process.env.HTTP_PROXY;
  delete process.env.HTTPS_PROXY;
  delete process.env.http_proxy;
  delete process.env.https_proxy;
  const { startFakeSalesforce, FAKE_CONSUMER_KEY, FAKE_CONSUMER_SECRET, FAKE_USERNAME, FAKE_PASSWORD, FAKE_SECURITY_TOKEN } =
    await import('@memberpulse/fake-salesforce');
  const { startServer, signDevToken } = await import('@memberpulse/integration-server');
  const salesforce = await startFakeSalesforce({ port: 0 });
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: 'memory://',
    dev: true,
    corsOrigins: ['*'],
    salesforceLoginUrl: salesforce.url,
    log: () => {},
  });
  const tokensFor = async (tenant) => {
    const tokens = {};
    for (const role of ['admin', 'editor', 'viewer', 'auditor']) {
      tokens[role] = await signDevToken({ tenant, role, sub: `${role}@${tenant}` }, server.config);
    }
    return tokens;
  };
  return {
    server,
    salesforce,
    async env() {
      const tenant = `t-${randomUUID().slice(0, 8)}`;
      const otherTenant = `t-${randomUUID().slice(0, 8)}`;
      return {
        apiUrl: server.url,
        tenant,
        tokens: await tokensFor(tenant),
        otherTenant: { tenant: otherTenant, tokens: await tokensFor(otherTenant) },
        salesforce: {
          url: salesforce.url,
          consumerKey: FAKE_CONSUMER_KEY,
          consumerSecret: FAKE_CONSUMER_SECRET,
          username: FAKE_USERNAME,
          password: FAKE_PASSWORD,
          securityToken: FAKE_SECURITY_TOKEN,
        },
      };
    },
    async close() {
      await server.close();
      await salesforce.close();
    },
  };
}

/** Koa middleware for web-test-runner's `middleware` option. */
export async function testEnvMiddleware(ctx, next) {
  if (ctx.path !== '/__mp/test-env') return next();
  started ??= start();
  const env = await (await started).env();
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(env);
}

/** Stops what testEnvMiddleware started (wtr plugin `serverStop`). */
export const testEnvPlugin = {
  name: 'mp-test-env',
  async serverStop() {
    if (started) await (await started).close();
  },
};
