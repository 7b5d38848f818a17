// A loopback HTTP proxy for fault injection: sits between the SDK and a server and, per
// matching request, drops the connection (before or after the server saw the request),
// delays, answers a status itself (503 + Retry-After, 429, …) or cuts the response body short.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What to do to one request. */
export type Fault =
  /** Close the client's connection without forwarding: the server never sees the request. */
  | { kind: 'drop-request' }
  /** Forward, let the server answer, then close the client's connection without a response. */
  | { kind: 'drop-response' }
  /** Wait `ms`, then forward as usual. */
  | { kind: 'delay'; ms: number }
  /** Answer `status` without forwarding (e.g. 503 with `Retry-After`). */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Forward, then send the headers (with the full Content-Length) and only `bytes` of the body, and close. */
  | { kind: 'truncate'; bytes?: number };

/** Applies `fault` to the next `times` requests matching `method` and `path`. */
export interface FaultRule {
  method?: string;
  /** A path prefix (string) or a pattern, matched against path + query. */
  path?: string | RegExp;
  fault: Fault;
  /** How many matching requests get the fault (default 1). */
  times?: number;
}

/** One request as the proxy handled it. */
export interface ProxyLogEntry {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The fault applied, if any. */
  fault?: Fault['kind'];
  /** Whether the server got the request. */
  forwarded: boolean;
  /** Status the server answered (when forwarded and answered). */
  upstreamStatus?: number;
}

/** A running proxy. */
export interface FaultProxy {
  /** Base URL of the proxy, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Adds a rule; rules are tried in order. */
  inject(rule: FaultRule): void;
  /** Removes every rule and clears the log. */
  reset(): void;
  /** Every request so far. */
  log: ProxyLogEntry[];
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'content-length'];

/** Starts a proxy on 127.0.0.1 (a free port) in front of `target` (an `http://` origin). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const rules: Array<Required<Pick<FaultRule, 'fault' | 'times'>> & FaultRule> = [];
  const log: ProxyLogEntry[] = [];
  const sockets = new Set<Socket>();

  const match = (method: string, path: string) => {
    const i = rules.findIndex(
      (r) =>
        r.times > 0 &&
        (!r.method || r.method.toUpperCase() === method) &&
        (!r.path || (typeof r.path === 'string' ? path.startsWith(r.path) : r.path.test(path))),
    );
    if (i < 0) return undefined;
    const rule = rules[i]!;
    if (--rule.times === 0) rules.splice(i, 1);
    return rule.fault;
  };

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const fault = match(method, path);
    const entry: ProxyLogEntry = { method, path, headers: req.headers, fault: fault?.kind, forwarded: false };
    log.push(entry);

    if (fault?.kind === 'drop-request') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      const payload = JSON.stringify({ type: 'about:blank', title: `Injected ${fault.status}`, status: fault.status });
      res.writeHead(fault.status, {
        'content-type': 'application/problem+json',
        'content-length': Buffer.byteLength(payload),
        ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}),
      });
      res.end(payload);
      return;
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));

    const headers = { ...req.headers, host: upstream.host };
    delete headers.connection;
    entry.forwarded = true;
    const up = httpRequest(
      { protocol: upstream.protocol, hostname: upstream.hostname, port: upstream.port, method, path, headers },
      async (upRes) => {
        const parts: Buffer[] = [];
        for await (const c of upRes) parts.push(c as Buffer);
        const answer = Buffer.concat(parts);
        entry.upstreamStatus = upRes.statusCode;
        if (fault?.kind === 'drop-response') {
          req.socket.destroy();
          return;
        }
        const out: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(upRes.headers)) if (v !== undefined && !HOP_BY_HOP.includes(k)) out[k] = v;
        out['content-length'] = String(answer.length);
        if (fault?.kind === 'truncate' && answer.length > 0) {
          // The body must be large enough to cut; a 1-byte cut of a tiny body still breaks the JSON.
          const keep = Math.min(fault.bytes ?? Math.floor(answer.length / 2), answer.length - 1);
          res.writeHead(upRes.statusCode ?? 502, out);
          res.flushHeaders();
          res.write(answer.subarray(0, keep), () => setTimeout(() => req.socket.destroy(), 5));
          return;
        }
        res.writeHead(upRes.statusCode ?? 502, out);
        res.end(answer);
      },
    );
    up.on('error', () => req.socket.destroy());
    up.end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    inject: (rule) => rules.push({ times: 1, ...rule }),
    reset: () => {
      rules.length = 0;
      log.length = 0;
    },
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
