/** Sessions and logins: OAuth 2.0 token endpoint (client_credentials, password, refresh_token) and SOAP partner login. */
import { createHmac, randomBytes } from 'node:crypto';
import { FAKE_CONSUMER_KEY, FAKE_CONSUMER_SECRET, FAKE_PASSWORD, FAKE_SECURITY_TOKEN, FAKE_USERNAME } from './constants.js';
import { xmlEscape, xmlUnescape } from './http.js';
import type { FakeOrg, FakeUser } from './types.js';

/** Credentials the fake accepts. */
export interface FakeCredentials {
  consumerKey: string;
  consumerSecret: string;
  username: string;
  password: string;
  securityToken: string;
  /** When false, the password alone (without the security token) is also accepted, as from a trusted IP range. */
  requireSecurityToken?: boolean;
}

/** The defaults, from the exported FAKE_* constants. */
export const DEFAULT_CREDENTIALS: FakeCredentials = {
  consumerKey: FAKE_CONSUMER_KEY,
  consumerSecret: FAKE_CONSUMER_SECRET,
  username: FAKE_USERNAME,
  password: FAKE_PASSWORD,
  securityToken: FAKE_SECURITY_TOKEN,
  requireSecurityToken: true,
};

/** An access token's session. */
export interface Session {
  user: FakeUser;
  kind: 'oauth2' | 'soap';
  issuedAt: number;
}

/** An answer to send: status plus a JSON or XML body. */
export interface AuthAnswer {
  status: number;
  json?: unknown;
  xml?: string;
}

/** Issues and checks tokens for one fake server. */
export class AuthService {
  private readonly sessions = new Map<string, Session>();
  private readonly refreshTokens = new Map<string, FakeUser>();
  /** When true, the SOAP login answers API_DISABLED_FOR_ORG. */
  apiDisabled = false;
  /**
   * When true, the OAuth password grant answers `unsupported_grant_type`, as an org with "Allow OAuth
   * Username-Password Flows" off does (the default for orgs made since Summer '23).
   */
  passwordFlowBlocked = false;
  /** When true, the SOAP `login` answers INVALID_OPERATION, as an org that turned SOAP API login() off. */
  soapLoginDisabled = false;

  constructor(
    private readonly org: FakeOrg,
    readonly credentials: FakeCredentials,
    private readonly baseUrl: () => string,
  ) {}

  /** The session of a bearer token, if valid. */
  session(token: string | undefined): Session | undefined {
    return token ? this.sessions.get(token) : undefined;
  }

  /** Invalidates every access token (refresh tokens stay valid). */
  expireSessions(): void {
    this.sessions.clear();
  }

  /** Invalidates every refresh token too. */
  revokeAll(): void {
    this.sessions.clear();
    this.refreshTokens.clear();
  }

  /** How many access tokens are valid, of `kind` if given. */
  liveSessions(kind?: Session['kind']): number {
    return [...this.sessions.values()].filter((s) => !kind || s.kind === kind).length;
  }

  /** Revokes one access or refresh token. */
  revoke(token: string): boolean {
    return this.sessions.delete(token) || this.refreshTokens.delete(token);
  }

  private newAccessToken(user: FakeUser, kind: Session['kind']): string {
    const token = `${this.org.organizationId.slice(0, 15)}!AQ${randomBytes(48).toString('base64url')}`;
    this.sessions.set(token, { user, kind, issuedAt: Date.now() });
    return token;
  }

  private passwordMatches(password: string): boolean {
    const c = this.credentials;
    if (password === c.password + c.securityToken) return true;
    return c.requireSecurityToken === false && password === c.password;
  }

  private userFor(username: string): FakeUser | undefined {
    return username.toLowerCase() === this.credentials.username.toLowerCase() ? this.org.integrationUser : undefined;
  }

  /** The identity URL of a user, as in the token response's `id`. */
  identityUrl(user: FakeUser): string {
    return `${this.baseUrl()}/id/${this.org.organizationId}/${user.id}`;
  }

  private tokenResponse(user: FakeUser, withRefresh: boolean): Record<string, string> {
    const issuedAt = String(Date.now());
    const id = this.identityUrl(user);
    const body: Record<string, string> = {
      access_token: this.newAccessToken(user, 'oauth2'),
      signature: createHmac('sha256', this.credentials.consumerSecret).update(id + issuedAt).digest('base64'),
      scope: withRefresh ? 'refresh_token api' : 'api',
      instance_url: this.baseUrl(),
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    };
    if (withRefresh) {
      const refresh = `5Aep861${randomBytes(40).toString('base64url')}`;
      this.refreshTokens.set(refresh, user);
      body.refresh_token = refresh;
    }
    return body;
  }

  /** Handles `POST /services/oauth2/token` with form parameters (and optional Basic client auth). */
  token(params: URLSearchParams, authorization: string | undefined): AuthAnswer {
    const err = (error: string, description: string, status = 400): AuthAnswer => ({ status, json: { error, error_description: description } });
    let clientId = params.get('client_id') ?? undefined;
    let clientSecret = params.get('client_secret') ?? undefined;
    if (authorization?.startsWith('Basic ')) {
      const [id, secret] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
      clientId ??= decodeURIComponent(id ?? '');
      clientSecret ??= decodeURIComponent(secret ?? '');
    }
    const grant = params.get('grant_type');
    if (!grant || !['client_credentials', 'password', 'refresh_token'].includes(grant)) return err('unsupported_grant_type', 'grant type not supported');
    if (grant === 'password' && this.passwordFlowBlocked) return err('unsupported_grant_type', 'grant type not supported');
    if (!clientId || clientId !== this.credentials.consumerKey) return err('invalid_client_id', 'client identifier invalid');
    if (grant !== 'refresh_token' || clientSecret !== undefined) {
      if (clientSecret !== this.credentials.consumerSecret) return err('invalid_client', 'invalid client credentials');
    }
    if (grant === 'client_credentials') return { status: 200, json: this.tokenResponse(this.org.integrationUser, false) };
    if (grant === 'password') {
      const user = this.userFor(params.get('username') ?? '');
      if (!user || !this.passwordMatches(params.get('password') ?? '')) return err('invalid_grant', 'authentication failure');
      return { status: 200, json: this.tokenResponse(user, true) };
    }
    const user = this.refreshTokens.get(params.get('refresh_token') ?? '');
    if (!user) return err('invalid_grant', 'expired access/refresh token');
    const body = this.tokenResponse(user, false);
    return { status: 200, json: body };
  }

  /** Handles a SOAP partner API call (`login` or `logout`) at `/services/Soap/u/{version}`. */
  soap(xml: string, version: string): AuthAnswer {
    const tag = (name: string): string | undefined => {
      const m = new RegExp(`<(?:[\\w-]+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`).exec(xml);
      return m ? xmlUnescape(m[1]!) : undefined;
    };
    if (/<(?:[\w-]+:)?logout[\s/>]/.test(xml)) {
      const sid = tag('sessionId');
      if (sid) this.sessions.delete(sid);
      return { status: 200, xml: envelope('<logoutResponse/>') };
    }
    if (!/<(?:[\w-]+:)?login[\s>]/.test(xml)) return { status: 500, xml: fault('sf:INVALID_OPERATION', 'INVALID_OPERATION: this test server supports only login and logout', 'UnexpectedErrorFault', 'INVALID_OPERATION') };
    if (this.soapLoginDisabled) return { status: 500, xml: fault('sf:INVALID_OPERATION', 'INVALID_OPERATION: SOAP API login() is disabled in this org.', 'UnexpectedErrorFault', 'INVALID_OPERATION') };
    const username = tag('username') ?? '';
    const password = tag('password') ?? '';
    const user = this.userFor(username);
    if (!user || !this.passwordMatches(password)) {
      return { status: 500, xml: fault('sf:INVALID_LOGIN', 'INVALID_LOGIN: Invalid username, password, security token; or user locked out.', 'LoginFault', 'INVALID_LOGIN') };
    }
    if (this.apiDisabled) {
      return { status: 500, xml: fault('sf:API_DISABLED_FOR_ORG', 'API_DISABLED_FOR_ORG: API is not enabled for this Organization or Partner', 'UnexpectedErrorFault', 'API_DISABLED_FOR_ORG') };
    }
    const sessionId = this.newAccessToken(user, 'soap');
    const base = this.baseUrl();
    const o = this.org;
    const result = [
      '<loginResponse><result>',
      `<metadataServerUrl>${base}/services/Soap/m/${version}/${o.organizationId.slice(0, 15)}</metadataServerUrl>`,
      '<passwordExpired>false</passwordExpired>',
      `<sandbox>${String(o.isSandbox)}</sandbox>`,
      `<serverUrl>${base}/services/Soap/u/${version}/${o.organizationId.slice(0, 15)}</serverUrl>`,
      `<sessionId>${xmlEscape(sessionId)}</sessionId>`,
      `<userId>${user.id}</userId>`,
      '<userInfo>',
      '<accessibilityMode>false</accessibilityMode><chatterExternal>false</chatterExternal><currencySymbol>$</currencySymbol>',
      '<orgAttachmentFileSizeLimit>5242880</orgAttachmentFileSizeLimit><orgDefaultCurrencyIsoCode>AUD</orgDefaultCurrencyIsoCode>',
      '<orgDefaultCurrencyLocale>en_AU</orgDefaultCurrencyLocale><orgDisallowHtmlAttachments>false</orgDisallowHtmlAttachments>',
      `<orgHasPersonAccounts>false</orgHasPersonAccounts><organizationId>${o.organizationId}</organizationId>`,
      `<organizationMultiCurrency>false</organizationMultiCurrency><organizationName>${xmlEscape(o.organizationName)}</organizationName>`,
      '<profileId>00e5g000000Adm1AAC</profileId><roleId xsi:nil="true"/><sessionSecondsValid>7200</sessionSecondsValid>',
      `<userDefaultCurrencyIsoCode xsi:nil="true"/><userEmail>${xmlEscape(user.email)}</userEmail>`,
      `<userFullName>${xmlEscape(`${user.firstName} ${user.lastName}`)}</userFullName><userId>${user.id}</userId>`,
      '<userLanguage>en_US</userLanguage><userLocale>en_AU</userLocale>',
      `<userName>${xmlEscape(user.username)}</userName><userTimeZone>Australia/Sydney</userTimeZone><userType>Standard</userType><userUiSkin>Theme3</userUiSkin>`,
      '</userInfo></result></loginResponse>',
    ].join('');
    return { status: 200, xml: envelope(result) };
  }
}

function envelope(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
  );
}

/** A SOAP fault in Salesforce's shape (sent with HTTP 500). */
export function fault(code: string, faultString: string, faultType: string, exceptionCode: string): string {
  const message = faultString.replace(/^[A-Z_]+: /, '');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<soapenv:Body><soapenv:Fault><faultcode>${code}</faultcode><faultstring>${xmlEscape(faultString)}</faultstring>` +
    `<detail><sf:${faultType} xsi:type="sf:${faultType}"><sf:exceptionCode>${exceptionCode}</sf:exceptionCode>` +
    `<sf:exceptionMessage>${xmlEscape(message)}</sf:exceptionMessage></sf:${faultType}></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>`
  );
}
