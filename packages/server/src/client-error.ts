import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { problemBody } from './problem.js';

/** What Node's HTTP parser refuses before a request reaches the app, and the answer each gets. */
const answers: Record<string, [status: number, detail: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The request line and headers may take at most 16 KiB together.'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'The chunk extensions may take at most 16 KiB.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request did not arrive in time.'],
};

/**
 * Answers a request Node's HTTP parser refused (headers over its limit, a request that is not HTTP) with a
 * problem document and a request id, as every other error is answered, instead of Node's bare status line.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: { headersSent?: boolean } | null }): void {
  // As Node's own handler: no answer into a response already under way (a timeout during an upload answered early).
  if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, detail] = answers[error.code ?? ''] ?? [400, 'The request is not valid HTTP.'];
  const requestId = randomUUID();
  const problem = problemBody(status, detail, '', requestId);
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${status} ${problem.title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
}
