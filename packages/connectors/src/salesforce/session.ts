import { Connection } from '@jsforce/jsforce-node';
import type { SalesforceConfig, SalesforceSecrets } from '@memberpulse/integration-schema';
import { ConnectorError, pointerError } from '../errors.js';
import type { ConnectionInput } from '../types.js';
import { toConnectorError, type AuthMode } from './errors.js';
import { isTrustedLoginHost, resolveLoginUrl } from './login-url.js';

/** The Salesforce REST API version the connectors use unless told otherwise (jsforce alone would use 50.0). */
export const DEFAULT_SALESFORCE_API_VERSION = '62.0';

/** Tuning of a Salesforce session. */
export interface SalesforceSessionOptions {
  /** REST API version, e.g. `62.0`. */
  apiVersion?: string;
  /**
   * Retries of idempotent requests on a 5xx answer or a dropped connection (default 1). REQUEST_LIMIT_EXCEEDED
   * and other 4xx answers are never retried.
   */
  retries?: number;
  /** Per-request timeout in ms (default 30 s). */
  timeoutMs?: number;
}

/** A Connected App's OAuth client. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

/** How to log in, resolved from a settings record and the server defaults. */
export type SalesforceLogin =
  | ({ mode: 'connectedApp'; loginUrl: string } & OAuthClient)
  /** `oauth`: the platform's Connected App for the username-password flow; without it, the SOAP login. */
  | { mode: 'serviceUser'; loginUrl: string; username: string; password: string; oauth?: OAuthClient };

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * Reads the login from the settings: the tenant's Connected App consumer key and secret (seed 001 requires
 * both), or the service user's username, password and security token. A service user signs in through the
 * server's own Connected App (`SALESFORCE_CLIENT_ID` / `SALESFORCE_CLIENT_SECRET`) with the OAuth
 * username-password flow where the server has one and the login host is Salesforce's or the server's own
 * login URL, else through the SOAP login.
 * Missing values answer `invalid` with pointers to the settings to fill in.
 */
export function resolveLogin(input: ConnectionInput): SalesforceLogin {
  const config = input.config as Partial<SalesforceConfig>;
  const secrets = input.secrets as SalesforceSecrets;
  const defaults = input.defaults?.salesforce;
  const loginUrl = resolveLoginUrl(config, defaults);
  if (config.authMode === 'serviceUser') {
    const username = text(config.username);
    const password = secrets.password ?? '';
    const errors = [
      ...(username ? [] : [pointerError('/config/username', 'required', 'Enter the service username.')]),
      ...(password ? [] : [pointerError('/credentials/password', 'required', 'Enter the service user’s password.')]),
    ];
    if (errors.length) throw new ConnectorError('invalid', 'The service-user login is incomplete.', errors);
    const serverApp = defaults?.clientId && defaults.clientSecret && isTrustedLoginHost(loginUrl, defaults.loginUrl);
    const oauth = serverApp ? { clientId: defaults.clientId!, clientSecret: defaults.clientSecret! } : undefined;
    return { mode: 'serviceUser', loginUrl, username, password: password + (secrets.securityToken ?? ''), ...(oauth ? { oauth } : {}) };
  }
  const clientId = text(config.consumerKey);
  const clientSecret = secrets.consumerSecret ?? '';
  const errors = [
    ...(clientId ? [] : [pointerError('/config/consumerKey', 'required', 'Enter the Connected App’s consumer key.')]),
    ...(clientSecret ? [] : [pointerError('/credentials/consumerSecret', 'required', 'Enter the Connected App’s consumer secret.')]),
  ];
  if (errors.length) throw new ConnectorError('invalid', 'The Connected App login is incomplete.', errors);
  return { mode: 'connectedApp', loginUrl, clientId, clientSecret };
}

/** A logged-in jsforce connection with the options every request should use. */
export interface SalesforceSession {
  conn: Connection;
  mode: AuthMode;
  apiVersion: string;
  /** Passed to `conn.request` so jsforce's retries stay bounded and no redirect is followed. */
  requestOptions: { retry: { maxRetries: number; statusCodes: number[]; minTimeout: number }; timeout: number; followRedirect: (url: string) => never };
}

async function clientCredentialsToken(conn: Connection): Promise<{ access_token: string }> {
  return (await conn.oauth2.requestToken({ grant_type: 'client_credentials' })) as unknown as { access_token: string };
}

/**
 * Logs in and answers a session whose expiry (401 INVALID_SESSION_ID) jsforce repairs by itself through
 * `refreshFn`: client credentials ask for a new token (that flow has no refresh token), the service user
 * logs in again.
 */
export async function openSession(login: SalesforceLogin, options: SalesforceSessionOptions = {}): Promise<SalesforceSession> {
  const apiVersion = options.apiVersion ?? DEFAULT_SALESFORCE_API_VERSION;
  const requestOptions = {
    retry: { maxRetries: options.retries ?? 1, statusCodes: [500, 502, 503, 504], minTimeout: 300 },
    timeout: options.timeoutMs ?? 30_000,
    followRedirect: refuseRedirect,
  };
  try {
    const session = login.mode === 'connectedApp' ? await connectedAppSession(login, apiVersion, requestOptions) : await signInServiceUser(login, apiVersion, requestOptions);
    checkInstanceUrl(session.conn.instanceUrl, login.loginUrl);
    return session;
  } catch (err) {
    throw (login.mode === 'serviceUser' && login.oauth && serverAppRefusal(err)) || toConnectorError(err, login.mode);
  }
}

/**
 * Every call after the login goes to the instance URL the login host answered with, bearing the session's
 * token. A Salesforce login host answers with a My Domain; anything else but the login host itself (a test
 * org on this machine) is refused before a single call is made there.
 */
function checkInstanceUrl(instanceUrl: string, loginUrl: string): void {
  if (isTrustedLoginHost(instanceUrl, loginUrl)) return;
  throw new ConnectorError('upstream', 'The login host answered with an instance URL outside Salesforce, so nothing was sent there. Check the My Domain URL.', [], 'FOREIGN_INSTANCE_URL');
}

/**
 * jsforce follows a redirect anywhere, with the session's token; the REST API answers without one, so a
 * redirect is refused rather than let a host send the server (and its token) somewhere else.
 */
function refuseRedirect(url: string): never {
  let host = 'another address';
  try {
    host = new URL(url).host;
  } catch {
    // A Location that is no URL names nothing to quote.
  }
  throw new ConnectorError('upstream', `Salesforce answered with a redirect to ${host}, which is not followed: nothing was sent there.`, [], 'REDIRECT_REFUSED');
}

type Options = SalesforceSession['requestOptions'];
type ConnectedAppLogin = Extract<SalesforceLogin, { mode: 'connectedApp' }>;
type ServiceUserLogin = Extract<SalesforceLogin, { mode: 'serviceUser' }>;

/** OAuth client credentials with the tenant's Connected App; an expired token is asked for again. */
async function connectedAppSession(login: ConnectedAppLogin, apiVersion: string, requestOptions: Options): Promise<SalesforceSession> {
  const conn = new Connection({
    loginUrl: login.loginUrl,
    version: apiVersion,
    oauth2: { clientId: login.clientId, clientSecret: login.clientSecret, loginUrl: login.loginUrl },
    refreshFn: (c, callback) => {
      clientCredentialsToken(c).then((res) => callback(null, res.access_token, res as never), (err: Error) => callback(err));
    },
  });
  await conn.authorize({ grant_type: 'client_credentials' });
  return { conn, mode: 'connectedApp', apiVersion, requestOptions };
}

/**
 * The service user through the server's Connected App where it has one, else through SOAP. Orgs made since
 * Summer '23 block the OAuth username-password flow unless an admin allows it; there the SOAP login signs the
 * same user in with the same password and token.
 */
async function signInServiceUser(login: ServiceUserLogin, apiVersion: string, requestOptions: Options): Promise<SalesforceSession> {
  if (!login.oauth) return serviceUserSession(login, undefined, apiVersion, requestOptions);
  try {
    return await serviceUserSession(login, login.oauth, apiVersion, requestOptions);
  } catch (err) {
    if (!isPasswordFlowBlocked(err)) throw err;
    return serviceUserSession(login, undefined, apiVersion, requestOptions).catch((soapErr: unknown) => {
      throw bothLoginsRefused(soapErr);
    });
  }
}

/** Signs the service user in through `oauth`'s username-password flow, or the SOAP login without it; signs in again the same way when the session expires. */
async function serviceUserSession(login: ServiceUserLogin, oauth: OAuthClient | undefined, apiVersion: string, requestOptions: Options): Promise<SalesforceSession> {
  const oauth2 = oauth ? { ...oauth, loginUrl: login.loginUrl } : undefined;
  const signIn = (c: Connection) => (oauth ? c.loginByOAuth2(login.username, login.password) : c.loginBySoap(login.username, login.password));
  const relogin = async () => {
    const fresh = new Connection({ loginUrl: login.loginUrl, version: apiVersion, ...(oauth2 ? { oauth2 } : {}) });
    await signIn(fresh);
    return fresh.accessToken ?? undefined;
  };
  const conn = new Connection({
    loginUrl: login.loginUrl,
    version: apiVersion,
    ...(oauth2 ? { oauth2 } : {}),
    refreshFn: (_c, callback) => {
      relogin().then((token) => callback(null, token), (err: Error) => callback(err));
    },
  });
  await signIn(conn);
  return { conn, mode: 'serviceUser', apiVersion, requestOptions };
}

const isPasswordFlowBlocked = (err: unknown) => (err as { name?: unknown } | null)?.name === 'unsupported_grant_type';

/**
 * The SOAP login after a blocked OAuth flow failed: wrong credentials, API access turned off or an
 * unreachable host say so; any other refusal means the org takes neither login for service users.
 */
function bothLoginsRefused(err: unknown): ConnectorError {
  const e = toConnectorError(err, 'serviceUser');
  if (e.kind === 'auth' || e.kind === 'unreachable') return e;
  return new ConnectorError(
    'auth',
    'This org blocks the OAuth username-password flow and refused the SOAP login too, so a service user cannot sign in. Use the Connected App sign-in.',
    [pointerError('/config/authMode', 'invalid_credentials', 'This org takes neither login for service users; choose the Connected App sign-in.')],
    e.platformCode,
    { cause: err },
  );
}

/**
 * When a service user signs in through the server's Connected App, a refused app is the operator's to fix
 * (not the tenant's form, which has no key or secret).
 */
function serverAppRefusal(err: unknown): ConnectorError | undefined {
  const code = (err as { name?: unknown } | null)?.name;
  if (code === 'invalid_client_id' || code === 'invalid_client' || code === 'invalid_client_credentials') {
    return new ConnectorError('upstream', 'Salesforce refused this server’s Connected App (SALESFORCE_CLIENT_ID / SALESFORCE_CLIENT_SECRET). Ask the platform operator to check it.', [], code, { cause: err });
  }
  return undefined;
}
