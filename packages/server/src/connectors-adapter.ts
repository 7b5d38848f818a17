import { createConnectorGateway, type ConnectorGatewayOptions } from '@memberpulse/integration-connectors';
import { ConfigError } from './config.js';
import type { PlatformGateway } from './discovery.js';

const API_VERSION = /^\d{2,3}\.0$/;

/**
 * Builds the platform gateway from `@memberpulse/integration-connectors` (Salesforce through jsforce,
 * HubSpot, Xero, Stripe). `SALESFORCE_API_VERSION` (e.g. `62.0`) pins another Salesforce API version.
 */
export async function gatewayFromConnectors(env: Record<string, string | undefined> = process.env, options: ConnectorGatewayOptions = {}): Promise<PlatformGateway> {
  const version = env.SALESFORCE_API_VERSION?.trim();
  if (version && !API_VERSION.test(version)) throw new ConfigError(`SALESFORCE_API_VERSION must look like 62.0, not “${version}”.`);
  const gateway = createConnectorGateway({ ...options, salesforce: { ...options.salesforce, ...(version ? { apiVersion: version } : {}) } });
  return {
    supports: (platform) => gateway.supports(platform),
    listObjects: (conn) => gateway.listObjects(conn),
    describeObject: (conn, name) => gateway.describeObject(conn, name),
    testConnection: (conn) => gateway.testConnection(conn),
    apiUsage: (conn) => gateway.apiUsage(conn),
  };
}
