// The server's platform port for the SDK tests: a small Salesforce-like org held in memory. The
// server's own connector registry is empty until @memberpulse/integration-connectors ships one, and
// the SDK's contract is the HTTP API, so the real server runs with this gateway injected: routing,
// credential decryption, audit, the describe cache and error mapping are all the server's own.
import { PlatformError, type PlatformConnection, type PlatformGateway } from '@memberpulse/integration-server';
import type { CrmFieldDescriptor, CrmObjectSummary } from '@memberpulse/integration-schema';

/** The connected-app credentials the memory org accepts. */
export const MEMORY_CRM = { consumerKey: 'memory-consumer-key', consumerSecret: 'memory-consumer-secret-4242' } as const;

const object = (name: string, label: string, custom = false): CrmObjectSummary => ({
  name,
  label,
  custom,
  createable: true,
  updateable: true,
  queryable: true,
});

const field = (name: string, label: string, type: CrmFieldDescriptor['type'], over: Partial<CrmFieldDescriptor> = {}): CrmFieldDescriptor => ({
  name,
  label,
  type,
  nillable: true,
  required: false,
  createable: true,
  updateable: true,
  externalId: false,
  unique: false,
  custom: false,
  ...over,
});

const objects = [object('Contact', 'Contact'), object('Account', 'Account'), object('Order', 'Order'), object('Member__c', 'Member', true)];

const fields: Record<string, CrmFieldDescriptor[]> = {
  Contact: [
    field('Id', 'Contact ID', 'id', { nillable: false, createable: false, updateable: false }),
    field('Email', 'Email', 'email', { length: 80 }),
    field('LastName', 'Last Name', 'string', { length: 80, nillable: false, required: true }),
    field('HasOptedOutOfEmail', 'Email Opt Out', 'boolean', { nillable: false }),
  ],
  Order: [field('Id', 'Order ID', 'id', { nillable: false, createable: false, updateable: false }), field('TotalAmount', 'Total', 'currency')],
};

/** A gateway for Salesforce backed by the memory org; also counts the calls it gets. */
export function memoryCrmGateway(): PlatformGateway & { calls: number } {
  const login = (conn: PlatformConnection) => {
    if (conn.config.authMode !== 'connectedApp' || conn.config.consumerKey !== MEMORY_CRM.consumerKey) {
      throw new PlatformError('auth', 'Unknown connected app.');
    }
    if (conn.secrets.consumerSecret !== MEMORY_CRM.consumerSecret) throw new PlatformError('auth', 'The consumer secret is wrong.');
  };
  const gateway = {
    calls: 0,
    supports: (platform: string) => platform === 'salesforce',
    async listObjects(conn: PlatformConnection) {
      gateway.calls++;
      login(conn);
      return objects;
    },
    async describeObject(conn: PlatformConnection, name: string) {
      gateway.calls++;
      login(conn);
      const found = fields[name];
      if (!found) throw new PlatformError('not_found', `No object ${name}.`);
      return found;
    },
    async testConnection(conn: PlatformConnection) {
      gateway.calls++;
      login(conn);
      return { ok: true as const, message: 'Connected to Memory Org (Developer Edition).' };
    },
    async apiUsage(conn: PlatformConnection) {
      gateway.calls++;
      login(conn);
      const allotment = conn.config.dailyApiAllotment;
      return { used: 120, limit: 15000, allotment: typeof allotment === 'number' ? allotment : null };
    },
  };
  return gateway;
}
