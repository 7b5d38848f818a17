// `npm start`: the demo CRM, the API server on its embedded defaults (PGlite in .data/, dev mode) and the
// demo portal page that embeds the widgets. Ports: PORT (API, 8787), MP_DEMO_PORT (portal, 8080),
// MP_DEMO_CRM_PORT (demo CRM, 8788); the demo CRM port is fixed so saved settings keep pointing at it.
import { DEMO_TENANT, startDemo } from './start-demo.js';

const ports = {
  MP_DEMO_PORT: Number(process.env.MP_DEMO_PORT ?? 8080),
  MP_DEMO_CRM_PORT: Number(process.env.MP_DEMO_CRM_PORT ?? 8788),
  PORT: Number(process.env.PORT ?? 8787),
};

/** Why the demo did not start, in a line a newcomer can act on (a port in use is the usual reason: a second `npm start`). */
function startFailure(err: unknown): string {
  const { code, port, message } = err as NodeJS.ErrnoException & { port?: number };
  if (code === 'EADDRINUSE') {
    const name = Object.entries(ports).find(([, p]) => p === port)?.[0];
    return `port ${port} is in use by another process: stop it, or choose another ${name ?? 'port'}.`;
  }
  return message ?? String(err);
}

const demo = await startDemo({ portalPort: ports.MP_DEMO_PORT, crmPort: ports.MP_DEMO_CRM_PORT, server: { port: ports.PORT } }).catch((err: unknown) => {
  process.stderr.write(`The demo could not start: ${startFailure(err)}\n`);
  process.exit(1);
});
const { server } = demo;

process.stdout.write(
  [
    '',
    'MemberPulse Integration Kit: demo',
    `  Demo portal  ${demo.portal.url}   <- open this in a browser`,
    `  API server   ${server.url}   (${server.db.kind}${server.config.databaseUrl ? '' : `, data in ${server.config.dataDir}`})`,
    `  Demo CRM     ${demo.crm.url}   (Salesforce-compatible server on loopback; not a real Salesforce)`,
    `  Demo tenant  ${DEMO_TENANT}; admin token: ${demo.tokens.admin}`,
    '',
    'Ctrl+C stops everything.',
    '',
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
