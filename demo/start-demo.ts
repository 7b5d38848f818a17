import { startFakeSalesforce } from '@memberpulse/fake-salesforce';
import { assertCanListen, loadConfig, permissionsByRole, signDevToken, startServer, type StartOptions } from '@memberpulse/integration-server';
import { roles, type Role } from '@memberpulse/integration-schema';
import { shippedEmbed } from './embed-bundle.js';
import { seedShowcaseEndpoints } from './showcase-endpoints.js';
import { demoCrmCredentials, startPortal, type RoleTokens } from './portal-server.js';

/** The demo tenant every demo token is for (the server's CLI prints a token for the same one). */
export const DEMO_TENANT = 'demo';

/**
 * The customers on the demo's "Customer onboard" list (seed 002), each its own tenant; the first is the demo
 * tenant. The last has endpoints from the start (`seedShowcaseEndpoints`).
 */
export const DEMO_CUSTOMERS = [
  { tenant: DEMO_TENANT, name: 'Riverside Sports Club' },
  { tenant: 'harbour-yacht-club', name: 'Harbour Yacht Club' },
  { tenant: 'northside-tennis', name: 'Northside Tennis Centre' },
];

/** Who signs in to the demo portal in each role (the role switch names them). */
const DEMO_PEOPLE: Readonly<Record<Role, string>> = { admin: 'ada@demo.example', editor: 'eddie@demo.example', viewer: 'vera@demo.example', auditor: 'otto@demo.example' };

export interface DemoOptions {
  portalPort?: number;
  crmPort?: number;
  /** Options for the API server; by default it reads the environment like `mp-integration-server`. */
  server?: StartOptions;
}

/**
 * Starts the demo: the demo CRM (the repo's Salesforce-compatible server on loopback), the API server in
 * dev mode with the demo CRM as its Salesforce login URL, and the demo portal page. `npm start` and the
 * end-to-end tests both run exactly this.
 */
export async function startDemo(options: DemoOptions = {}) {
  delete process.env.HTTP_PROXY;
  delete process.env.HTTPS_PROXY;
  // Checked first: a taken port (a second `npm start`) is named at once, not after the build, and before the
  // API server makes its data folder.
  if (options.crmPort) await assertCanListen('127.0.0.1', options.crmPort, 'MP_DEMO_CRM_PORT');
  if (options.portalPort) await assertCanListen('127.0.0.1', options.portalPort, 'MP_DEMO_PORT');
  if (options.server?.port) await assertCanListen(options.server.host ?? loadConfig(options.server.env ?? process.env).host, options.server.port);
  // Built before anything listens: a build that fails leaves nothing running.
  const embed = await shippedEmbed();
  const crm = await startFakeSalesforce({ port: options.crmPort ?? 0, host: '127.0.0.1' });
  const server = await startServer({ dev: true, ...options.server, salesforceLoginUrl: crm.url });
  const tokensFor = async (tenant: string): Promise<RoleTokens> =>
    Object.fromEntries(
      await Promise.all(roles.map(async (role) => [role, await signDevToken({ tenant, role, sub: DEMO_PEOPLE[role] }, server.config, { expiresIn: '30d' })] as const)),
    ) as RoleTokens;
  const customers = await Promise.all(DEMO_CUSTOMERS.map(async (c) => ({ ...c, tokens: await tokensFor(c.tenant) })));
  const tokens = customers[0]!.tokens; // the demo tenant's: it is the first customer
  await seedShowcaseEndpoints(server.url, customers.at(-1)!.tokens.admin);
  const portal = await startPortal({
    port: options.portalPort ?? 0,
    embed,
    config: {
      apiUrl: server.url,
      tenant: DEMO_TENANT,
      tokens,
      customers,
      endpointWriters: roles.filter((role) => permissionsByRole[role].includes('endpoints:write')),
      demoCrm: { url: crm.url, ...demoCrmCredentials },
    },
  });
  return {
    portal,
    server,
    crm,
    tokens,
    async close() {
      await portal.close();
      await server.close();
      await crm.close();
    },
  };
}
