import { isolateBidi, type CrmFieldDescriptor, type CrmObjectSummary } from '@memberpulse/integration-schema';
import { ConnectorError } from './errors.js';
import { HubSpotConnector } from './hubspot.js';
import { SalesforceConnector } from './salesforce/connector.js';
import type { SalesforceSessionOptions } from './salesforce/session.js';
import { StripeConnector } from './stripe.js';
import type { ApiUsage, ConnectionInput, ConnectionTestResult, PlatformConnector } from './types.js';
import { XeroConnector } from './xero.js';

/** Options of {@link createConnectorGateway}: per-platform tuning and base URLs (tests point these at loopback). */
export interface ConnectorGatewayOptions {
  salesforce?: SalesforceSessionOptions;
  hubspot?: { baseUrl?: string; timeoutMs?: number };
  xero?: { identity?: string; api?: string; timeoutMs?: number };
  stripe?: { baseUrl?: string; timeoutMs?: number };
  /** Replace or add connectors by platform id. */
  connectors?: Record<string, PlatformConnector>;
}

/** One entry point for every platform: the server's platform gateway. */
export interface ConnectorGateway {
  /** Whether a connector exists for this platform id. */
  supports(platform: string): boolean;
  /** The connector of a platform. */
  connector(platform: string): PlatformConnector;
  testConnection(input: ConnectionInput): Promise<ConnectionTestResult>;
  listObjects(input: ConnectionInput): Promise<CrmObjectSummary[]>;
  describeObject(input: ConnectionInput, objectName: string): Promise<CrmFieldDescriptor[]>;
  apiUsage(input: ConnectionInput): Promise<ApiUsage>;
}

/** Builds the gateway over the Salesforce, HubSpot, Xero and Stripe connectors. */
export function createConnectorGateway(options: ConnectorGatewayOptions = {}): ConnectorGateway {
  const connectors: Record<string, PlatformConnector> = {
    salesforce: new SalesforceConnector(options.salesforce),
    hubspot: new HubSpotConnector(options.hubspot),
    xero: new XeroConnector(options.xero),
    stripe: new StripeConnector(options.stripe),
    ...options.connectors,
  };
  const connector = (platform: string): PlatformConnector => {
    const c = Object.hasOwn(connectors, platform) ? connectors[platform] : undefined;
    if (!c) throw new ConnectorError('unsupported', `There is no connector for “${platform}”.`);
    return c;
  };
  return {
    supports: (platform) => Object.hasOwn(connectors, platform),
    connector,
    testConnection: (input) => connector(input.platform).testConnection(input),
    listObjects: async (input) => (await connector(input.platform).listObjects(input)).map((o) => ({ ...o, label: isolateBidi(o.label) })),
    describeObject: async (input, name) => (await connector(input.platform).describeObject(input, name)).map(isolateFieldLabels),
    apiUsage: (input) => connector(input.platform).apiUsage(input),
  };
}

/** A CRM's labels go into sentences on screen and in errors: their directional controls stay inside them. */
function isolateFieldLabels(field: CrmFieldDescriptor): CrmFieldDescriptor {
  const out = { ...field, label: isolateBidi(field.label) };
  if (field.picklistValues) out.picklistValues = field.picklistValues.map((p) => ({ ...p, label: isolateBidi(p.label) }));
  return out;
}
