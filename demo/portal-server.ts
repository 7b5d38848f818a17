import { createServer } from 'node:http';
import type { Role } from '@memberpulse/integration-schema';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import {
  FAKE_CONSUMER_KEY,
  FAKE_CONSUMER_SECRET,
  FAKE_PASSWORD,
  FAKE_SECURITY_TOKEN,
  FAKE_USERNAME,
} from '@memberpulse/fake-salesforce';

/** A token per role the demo page can switch between. */
export type RoleTokens = Record<Role, string>;

/**
 * What the demo page needs to know: where the API is, tokens for the demo tenant, the customers of the
 * "Customer onboard" list (seed 002; each its own tenant) and the demo CRM's logins.
 */
export interface PortalConfig {
  apiUrl: string;
  tenant: string;
  tokens: RoleTokens;
  customers: Array<{ tenant: string; name: string; tokens: RoleTokens }>;
  /** The roles that may change a customer's endpoints (Edit), from the server's own table; the others View. */
  endpointWriters: Role[];
  demoCrm: typeof demoCrmCredentials & { url: string };
}

/** The demo CRM's logins, shown on the page so a newcomer can type them into the settings form. */
export const demoCrmCredentials = {
  consumerKey: FAKE_CONSUMER_KEY,
  consumerSecret: FAKE_CONSUMER_SECRET,
  username: FAKE_USERNAME,
  password: FAKE_PASSWORD,
  securityToken: FAKE_SECURITY_TOKEN,
};

const files: Record<string, { file: string; type: string }> = {
  '/portal.css': { file: 'portal.css', type: 'text/css' },
  '/portal.js': { file: 'portal.js', type: 'text/javascript' },
  '/portal-audit.js': { file: 'portal-audit.js', type: 'text/javascript' },
};

const here = new URL('.', import.meta.url).pathname;

/** `<` escaped so no value can close the inline JSON script early. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The policy a careful host serves (docs/security.md#content-security-policy): nothing inline, scripts and
 * styles from the page's own origin, calls to the API only, and Trusted Types with Lit's one policy. The demo
 * serves it so the end-to-end test shows the widgets need nothing looser.
 */
export function strictCsp(apiUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${new URL(apiUrl).origin}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

/** Serves the demo portal page, its script and style, and the embed's files (`/mp-integration-kit.js` and beside it). */
export async function startPortal(options: { port: number; config: PortalConfig; embed: Readonly<Record<string, string>> }) {
  const csp = strictCsp(options.config.apiUrl);
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://portal').pathname;
    try {
      if (path === '/' || path === '/index.html') {
        const html = await readFile(here + 'index.html', 'utf8');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': csp });
        res.end(html.replace('{{CONFIG}}', inlineJson(options.config)));
      } else if (Object.hasOwn(options.embed, path)) {
        const type = path.endsWith('.map') ? 'application/json' : 'text/javascript';
        res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
        res.end(options.embed[path]);
      } else if (files[path]) {
        const { file, type } = files[path];
        res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
        res.end(await readFile(here + file));
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not found');
      }
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`The demo portal could not serve ${path}: ${(err as Error).message}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
