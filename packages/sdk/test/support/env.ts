// Starts the real API server (in-memory PGlite, dev tokens) for the SDK's contract and fault tests,
// with the memory CRM as its platform gateway, and mints tokens for fresh tenants.
import { randomUUID } from 'node:crypto';
import { startServer, signDevToken } from '@memberpulse/integration-server';
import { memoryCrmGateway } from './memory-crm.ts';

type Role = 'admin' | 'editor' | 'viewer' | 'auditor';

/** A running server with a helper to make tenants. */
export interface TestServer {
  apiUrl: string;
  /** A fresh tenant and a token per role. */
  tenant(): Promise<{ tenant: string; tokens: Record<Role, string> }>;
  /** The platform gateway the server calls for discovery (to count upstream calls). */
  gateway: ReturnType<typeof memoryCrmGateway>;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port. */
export async function startTestServer(): Promise<TestServer> {
  const gateway = memoryCrmGateway();
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: 'memory://',
    dev: true,
    corsOrigins: ['*'],
    gateway,
    log: () => {},
  });
  return {
    apiUrl: server.url,
    gateway,
    async tenant() {
      const tenant = `t-${randomUUID().slice(0, 8)}`;
      const tokens = {} as Record<Role, string>;
      for (const role of ['admin', 'editor', 'viewer', 'auditor'] as const) {
        tokens[role] = await signDevToken({ tenant, role, sub: `${role}@${tenant}` }, server.config);
      }
      return { tenant, tokens };
    },
    close: () => server.close(),
  };
}
