import type { CrmFieldDescriptor, CrmObjectSummary } from '@memberpulse/integration-schema';
import type { ApiUsage, ConnectionTestResult } from '../types.js';
import type { SalesforceClient } from './client.js';
import { isPickableObject, toFieldDescriptors, toObjectSummary } from './describe-map.js';

/** The objects an admin can pick as the member or order object, sorted by label. */
export async function listObjects(client: SalesforceClient): Promise<CrmObjectSummary[]> {
  const all = await client.describeGlobal();
  return all.filter(isPickableObject).map(toObjectSummary).sort((a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name));
}

/** The fields of one object. */
export async function describeObject(client: SalesforceClient, objectName: string): Promise<CrmFieldDescriptor[]> {
  return toFieldDescriptors(await client.describe(objectName));
}

/** DailyApiRequests used and maximum, with the tenant's own allotment. */
export async function apiUsage(client: SalesforceClient, allotment: number | null): Promise<ApiUsage> {
  const daily = (await client.limits()).DailyApiRequests;
  if (!daily) return { used: 0, limit: 0, allotment };
  return { used: daily.Max - daily.Remaining, limit: daily.Max, allotment };
}

/** Proves the login works and the API answers (one API call: `/limits`). */
export async function testConnection(client: SalesforceClient, environment: string): Promise<ConnectionTestResult> {
  const usage = await apiUsage(client, null);
  const where = environment === 'sandbox' ? 'Salesforce sandbox' : 'Salesforce';
  return { ok: true, message: `Connected to ${where}: ${usage.used.toLocaleString('en')} of ${usage.limit.toLocaleString('en')} daily API calls used.` };
}
