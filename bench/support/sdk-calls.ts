import ky from 'ky';
import { createIntegrationClient } from '@memberpulse/integrations-sdk';
import { timeRounds } from './rounds.js';

/** Median ms per call of each way of making the call. */
export type CallTimes = Record<'raw' | 'ky' | 'sdk' | 'sdkNoCheck', number>;

/**
 * Times one read (GET /v1/settings/crm of the server at `origin`) four ways in one run: raw `fetch` + `json()`,
 * ky alone with the same headers, the SDK, and the SDK without response checks. Answers the median ms per
 * call of each. The SDK bench runs it in Node and, bundled into a page, in Chromium.
 */
export function timeSdkCalls(origin: string, token: string): Promise<CallTimes> {
  const url = `${origin.replace(/\/+$/, '')}/v1/settings/crm`;
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const sdk = createIntegrationClient({ baseUrl: origin, token });
  const sdkNoCheck = createIntegrationClient({ baseUrl: origin, token, validateResponses: false });
  const kyClient = ky.create({ headers });
  return timeRounds({
    raw: async () => {
      const r = await fetch(url, { headers });
      if (!r.ok) throw new Error(`raw fetch: ${r.status}`);
      await r.json();
    },
    ky: () => kyClient.get(url).json(),
    sdk: () => sdk.settings.get('crm'),
    sdkNoCheck: () => sdkNoCheck.settings.get('crm'),
  }) as Promise<CallTimes>;
}
