import type { FieldError } from '@memberpulse/integration-schema';
import { ConnectorError, isNetworkError, pointerError } from '../errors.js';

/** How the current session logged in, so errors can point at the right settings. */
export type AuthMode = 'connectedApp' | 'serviceUser';

/** One Salesforce REST error entry (also the shape of collection result errors, with `statusCode`). */
export interface SalesforceErrorEntry {
  message: string;
  errorCode?: string;
  statusCode?: string;
  fields?: string[];
}

/** The daily allowance frees up over a rolling 24 hours: an hour is a fair first wait, and long enough that clients do not retry at once. */
const DAILY_LIMIT_RETRY_AFTER = 3600;

const RECORD_CODES = new Set([
  'INVALID_FIELD', 'REQUIRED_FIELD_MISSING', 'STRING_TOO_LONG', 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INVALID_EMAIL_ADDRESS', 'DUPLICATE_VALUE', 'FIELD_INTEGRITY_EXCEPTION', 'INVALID_CROSS_REFERENCE_KEY', 'MALFORMED_ID', 'MALFORMED_QUERY',
  'JSON_PARSER_ERROR', 'NUMBER_OUTSIDE_VALID_RANGE', 'INVALID_TYPE_FOR_OPERATION', 'MULTIPLE_API_ERRORS', 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
]);

/** What Salesforce's error codes look like (`INVALID_FIELD`, `invalid_grant`, `ERROR_HTTP_503`). */
const ERROR_CODE = /^[A-Za-z][A-Za-z0-9_]{1,63}$/;

/** The pointers of the settings that identify the Salesforce user of a session. */
export function identityPointers(mode: AuthMode): FieldError[] {
  return mode === 'connectedApp'
    ? [pointerError('/config/consumerKey', 'invalid_credentials', 'Check the consumer key and that the Connected App allows the client credentials flow with a run-as user.')]
    : [pointerError('/config/username', 'invalid_credentials', 'Check the service username.')];
}

function loginFailure(mode: AuthMode, platformCode: string, cause: unknown): ConnectorError {
  if (mode === 'serviceUser') {
    return new ConnectorError(
      'auth',
      'Salesforce did not accept the service user’s login: check the username, the password and the security token (a new token is emailed whenever the password is reset).',
      [
        pointerError('/config/username', 'invalid_credentials', 'Salesforce did not accept this username with the password and security token.'),
        pointerError('/credentials/password', 'invalid_credentials', 'Check the password.'),
        pointerError('/credentials/securityToken', 'invalid_credentials', 'Check the security token.'),
      ],
      platformCode,
      { cause },
    );
  }
  return new ConnectorError('auth', 'Salesforce did not accept the Connected App login.', identityPointers(mode), platformCode, { cause });
}

function myDomainNeeded(code: string, cause: unknown): ConnectorError {
  return new ConnectorError(
    'auth',
    'This login URL does not offer the client credentials flow; enter your org’s My Domain URL.',
    [pointerError('/config/myDomainUrl', 'invalid', 'Enter your org’s My Domain URL (https://yourorg.my.salesforce.com).')],
    code,
    { cause },
  );
}

/**
 * Turns whatever jsforce threw into a ConnectorError: OAuth errors point at the consumer key or secret,
 * INVALID_LOGIN at the service-user fields, API_DISABLED_FOR_ORG at the user, REQUEST_LIMIT_EXCEEDED says
 * the 24-hour allowance is spent, and a silent network says Salesforce could not be reached.
 */
export function toConnectorError(err: unknown, mode: AuthMode, { write = true }: { write?: boolean } = {}): ConnectorError {
  if (err instanceof ConnectorError) return err;
  if (isNetworkError(err)) return new ConnectorError('unreachable', 'Salesforce could not be reached. Check the login URL (My Domain) and try again later.', [], 'UNREACHABLE', { cause: err });
  const e = err as { name?: unknown; errorCode?: unknown; message?: unknown; data?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : '';
  // REST errors carry errorCode, OAuth errors their `error` as name, SOAP faults only "CODE: text" as message.
  let code = typeof e?.errorCode === 'string' ? e.errorCode : typeof e?.name === 'string' && e.name !== 'Error' ? e.name : '';
  if (!code) code = /^([A-Z][A-Z_]{2,}):/.exec(message)?.[1] ?? '';
  // The code is quoted in messages: only a code's shape passes, not whatever text a server put there.
  if (!ERROR_CODE.test(code)) code = '';
  switch (code) {
    case 'invalid_client_id':
      return new ConnectorError('auth', 'Salesforce does not know this consumer key.', [pointerError('/config/consumerKey', 'invalid_credentials', 'Salesforce does not know this consumer key. Copy it from the Connected App.')], code, { cause: err });
    case 'invalid_client':
    case 'invalid_client_credentials':
      return new ConnectorError('auth', 'Salesforce did not accept the consumer secret.', [pointerError('/credentials/consumerSecret', 'invalid_credentials', 'Salesforce did not accept this consumer secret for the consumer key.')], code, { cause: err });
    case 'invalid_grant':
      // Salesforce offers client credentials on My Domain hosts only; login.salesforce.com says so this way.
      if (mode === 'connectedApp' && /not supported on this domain/i.test(message)) return myDomainNeeded(code, err);
      return loginFailure(mode, code, err);
    case 'INVALID_LOGIN':
    case 'LOGIN_MUST_USE_SECURITY_TOKEN':
      return loginFailure(mode, code, err);
    case 'unsupported_grant_type':
      return myDomainNeeded(code, err);
    case 'API_DISABLED_FOR_ORG':
    case 'API_CURRENTLY_DISABLED':
      return new ConnectorError('auth', 'API access is turned off for this Salesforce org or user: the edition must include the API and the user’s profile needs “API Enabled”.', identityPointers(mode), code, { cause: err });
    case 'REQUEST_LIMIT_EXCEEDED':
      return new ConnectorError('rate_limited', 'The org’s 24-hour Salesforce API allowance is spent (REQUEST_LIMIT_EXCEEDED). Calls work again as the rolling 24-hour window frees up; nothing was retried.', [], code, { cause: err, retryAfterSeconds: DAILY_LIMIT_RETRY_AFTER });
    case 'INVALID_SESSION_ID':
      return new ConnectorError('auth', 'Salesforce ended the session and a new login failed.', identityPointers(mode), code, { cause: err });
    case 'NOT_FOUND':
    case 'INVALID_TYPE':
    case 'ENTITY_IS_DELETED':
      return new ConnectorError('not_found', 'Salesforce has no such object or record (or this user cannot see it).', [], code, { cause: err });
  }
  // Salesforce's words on a record it refused help the admin fix the record; on a read they mean nothing to them.
  if (RECORD_CODES.has(code) && write) return new ConnectorError('invalid', message || `Salesforce refused the record (${code}).`, [], code, { cause: err });
  if (/^Unable to refresh session/.test(message)) return new ConnectorError('auth', 'Salesforce ended the session and a new login failed.', identityPointers(mode), 'INVALID_SESSION_ID', { cause: err });
  if (/^ERROR_HTTP_5\d\d$/.test(code) || code === 'SERVER_UNAVAILABLE' || code === 'UNKNOWN_EXCEPTION') {
    return new ConnectorError('upstream', 'Salesforce failed to answer the request; try again later.', [], code, { cause: err });
  }
  return new ConnectorError('upstream', `Salesforce refused the request${code ? ` (${code})` : ''}.`, [], code || undefined, { cause: err });
}
