import type { CrmFieldDescriptor, CrmObjectSummary } from '@memberpulse/integration-schema';
import { ConnectorError } from './errors.js';
import type { ApiUsage, ConnectionInput, ConnectionTestResult, PlatformConnector } from './types.js';

/** Discovery and API usage exist for CRMs only; accounting and payment platforms answer this. */
export function discoveryUnsupported(platform: string): ConnectorError {
  return new ConnectorError('unsupported', `Discovery is not supported for this platform: ${platform} has no CRM objects or fields to map.`);
}

/** Base class for platforms that only test their connection. */
export abstract class TestOnlyConnector implements PlatformConnector {
  protected abstract readonly platformName: string;
  abstract testConnection(input: ConnectionInput): Promise<ConnectionTestResult>;

  async listObjects(): Promise<CrmObjectSummary[]> {
    throw discoveryUnsupported(this.platformName);
  }

  async describeObject(): Promise<CrmFieldDescriptor[]> {
    throw discoveryUnsupported(this.platformName);
  }

  async apiUsage(): Promise<ApiUsage> {
    throw discoveryUnsupported(this.platformName);
  }
}
