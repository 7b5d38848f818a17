// Connections that go wrong below the app, with raw sockets against the real server.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { backends, startTestServer, type TestServer, type TestTenant } from './support/harness.js';

let srv: TestServer;
let t: TestTenant;
let port: number;
before(async () => {
  srv = await startTestServer(backends[0]!);
  t = await srv.tenant();
  port = Number(new URL(srv.url).port);
});
after(() => srv.close());

/** Opens a connection, lets `act` write to it, and answers what came back once the connection closed. */
function exchange(act: (socket: Socket) => void, maxMs = 5_000): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => act(socket));
    let answer = '';
    socket.on('data', (d) => (answer += d));
    socket.on('error', () => {});
    socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
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

test('a stalled body is answered 408 within about 30 s', async () => {
  const { answer, ms } = await exchange((socket) => socket.write(headOf(100) + '{"na'), 40_000);
  assert.match(answer, /^HTTP\/1\.1 408 /);
  assert.ok(ms >= 29_000 && ms < 32_500, `answered after ${ms} ms`);
});
