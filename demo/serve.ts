// `npm start`: the demo CRM, the API server on its embedded defaults (PGlite in .data/, dev mode) and the
// demo portal page that embeds the widgets. Ports: PORT (API, 8787), MP_DEMO_PORT (portal, 8080),
// MP_DEMO_CRM_PORT (demo CRM, 8788); the demo CRM port is fixed so saved settings keep pointing at it.
import { portFromEnv } from '@memberpulse/integration-server';
import { DEMO_TENANT, startDemo } from './start-demo.js';

const port = (name: string, fallback: number) => portFromEnv(name, process.env, fallback);
const start = async () => startDemo({ portalPort: port('MP_DEMO_PORT', 8080), crmPort: port('MP_DEMO_CRM_PORT', 8788), server: { port: port('PORT', 8787) } });

// A taken or malformed port is the usual reason (a second `npm start`): the message names the variable that moves it.
const demo = await start().catch((err: unknown) => {
  process.stderr.write(`The demo could not start: ${err instanceof Error ? err.message : String(err)}\n`);
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
