// Connections that go wrong below the app, with raw sockets against the real server: a client that leaves
// mid-body, what Node's HTTP parser refuses before or while a request reaches the app, and a stalled body.
// Each gets its answer (or none, when nobody is left to answer) and one access-log line saying what happened,
// never an "unhandled error" or a 500 (docs/server.md, docs/api.md).
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { loadConfig, type LogEntry } from '../src/index.js';
import { backends, startTestServer, type TestServer, type TestTenant } from './support/harness.js';

let srv: TestServer;
let t: TestTenant;
let port: number;
before(async () => {
  srv = await startTestServer(backends[0]!, { requestTimeoutMs: 1_500 });
  t = await srv.tenant();
  port = Number(new URL(srv.url).port);
});
after(() => srv.close());

/**
 * Opens a connection, lets `act` write to it, and answers what came back once the connection closed, or with
 * `halfOpen` once the server ended its side (the client keeps its own open, as a slow client may).
 */
function exchange(act: (socket: Socket) => void, maxMs = 5_000, halfOpen = false): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: halfOpen }, () => act(socket));
    let answer = '';
    socket.on('data', (d) => (answer += d));
    socket.on('error', () => {});
    socket.on(halfOpen ? 'end' : 'close', () => resolve({ answer, ms: Date.now() - started }));
    if (halfOpen) after(() => void socket.destroy());
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`no close within ${maxMs} ms; got ${JSON.stringify(answer.slice(0, 200))}`));
    }, maxMs).unref();
  });
}

const headOf = (length: number | 'chunked') =>
  `POST /v1/endpoints HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.tokens.admin}\r\nContent-Type: application/json\r\n` +
  (length === 'chunked' ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${length}\r\n`) +
  '\r\n';

/** The log lines written since `from`, once the server had a moment to finish the request. */
async function linesSince(from: number, wanted = 1): Promise<LogEntry[]> {
  for (let i = 0; i < 100 && srv.logs.length - from < wanted; i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 50));
  return srv.logs.slice(from);
}

function assertOneAccessLine(lines: LogEntry[], fields: Record<string, unknown>): LogEntry {
  assert.equal(lines.length, 1, JSON.stringify(lines));
  const [line] = lines;
  assert.equal(line!.msg, 'request', JSON.stringify(line));
  assert.equal(line!.level, 'info', 'not an error of the server');
  assert.ok(!('stack' in line!), 'no stack');
  for (const [k, v] of Object.entries(fields)) assert.equal(line![k], v, `${k} of ${JSON.stringify(line)}`);
  return line!;
}

const requestIdOf = (answer: string) => /\r\nx-request-id: (\S+)/i.exec(answer)?.[1];

test('a client that hangs up mid-body (closing or resetting the connection) is logged 499 client_closed, not as an error', async () => {
  for (const leave of [(s: Socket) => s.destroy(), (s: Socket) => s.end(), (s: Socket) => s.resetAndDestroy()]) {
    const from = srv.logs.length;
    const { answer } = await exchange((socket) => {
      socket.write(headOf(100) + '{"na');
      setTimeout(() => leave(socket), 100);
    });
    assert.equal(answer, '', 'nobody left to answer');
    assertOneAccessLine(await linesSince(from), { method: 'POST', path: '/v1/endpoints', status: 499, reason: 'client_closed', tenant: t.id });
  }
  assert.equal((await t.as('admin')('GET', '/v1/endpoints')).body.total, 0, 'nothing stored');
});

test('chunk extensions over the limit mid-body: the 413 answer and its log line carry the request id', async () => {
  const from = srv.logs.length;
  const { answer } = await exchange((socket) => socket.write(headOf('chunked') + `5;${'a'.repeat(20_000)}\r\nhello\r\n0\r\n\r\n`));
  assert.match(answer, /^HTTP\/1\.1 413 /);
  const line = assertOneAccessLine(await linesSince(from), { method: 'POST', path: '/v1/endpoints', status: 413, reason: 'chunk_extensions_too_large' });
  assert.equal(line.requestId, requestIdOf(answer));
});

test('what the parser refuses before the app sees it (431, not HTTP) gets an access line with the answer’s request id', async () => {
  for (const [request, status, reason] of [
    [`GET /v1/me HTTP/1.1\r\nHost: x\r\nX-Foo: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'headers_too_large'],
    ['HELLO THERE\r\n\r\n', 400, 'not_http'],
  ] as const) {
    const from = srv.logs.length;
    const { answer } = await exchange((socket) => socket.end(request));
    assert.match(answer, new RegExp(`^HTTP/1\\.1 ${status} `));
    const line = assertOneAccessLine(await linesSince(from), { status, reason });
    assert.equal(line.requestId, requestIdOf(answer));
  }
});

test('a malformed chunk mid-body is answered 400 and logged once, on the request’s own line with its id', async () => {
  const from = srv.logs.length;
  const { answer } = await exchange((socket) => {
    socket.write(headOf('chunked') + '5\r\n{"na"\r\n');
    setTimeout(() => socket.write('zz\r\nhello\r\n0\r\n\r\n'), 200);
  });
  assert.match(answer, /^HTTP\/1\.1 400 /);
  const line = assertOneAccessLine(await linesSince(from, 2), { method: 'POST', path: '/v1/endpoints', status: 400 });
  assert.equal(line.requestId, requestIdOf(answer));
});

test('a stalled body is answered 408 within a second of the request timeout and the connection closed, also for a client that keeps its side open; logged 408 with its request id', async () => {
  const from = srv.logs.length;
  const { answer, ms } = await exchange((socket) => socket.write(headOf(100) + '{"na'), 10_000, true);
  assert.match(answer, /^HTTP\/1\.1 408 /);
  assert.ok(ms >= 1_400 && ms < 3_500, `answered after ${ms} ms`);
  const line = assertOneAccessLine(await linesSince(from), { method: 'POST', path: '/v1/endpoints', status: 408, reason: 'request_timeout' });
  assert.equal(line.requestId, requestIdOf(answer));
  assert.equal(srv.server.inFlight, 0, 'the request is over, not waiting on the client to leave');
});

test('the request timeout is 30 s unless startServer is given another', () => {
  assert.equal(loadConfig({}).requestTimeoutMs, 30_000);
});

test('a request the parser refuses behind a complete one on the same connection gets its own line; the first keeps its own', async () => {
  const from = srv.logs.length;
  const body = JSON.stringify({ name: 'pipelined', description: 'd' });
  const { answer } = await exchange((socket) => socket.write(headOf(Buffer.byteLength(body)) + body + 'HELLO THERE\r\n\r\n'));
  const lines = await linesSince(from, 2);
  const post = lines.find((l) => l.method === 'POST');
  const refused = lines.find((l) => l.reason === 'not_http');
  assert.ok(post && refused, JSON.stringify(lines));
  assert.equal(post.status, 201, 'the write was made, and its line says so');
  assert.equal(refused.status, 400);
  assert.notEqual(refused.requestId, post.requestId, 'each its own request id');
  assert.equal(requestIdOf(answer), refused.requestId, 'the refusal’s answer carries its own id, not the write’s');
  assert.deepEqual((await t.as('admin')('GET', '/v1/endpoints')).body.items.map((e: { name: string }) => e.name), ['pipelined']);
});
