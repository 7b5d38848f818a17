import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { LogSink } from './config.js';
import { problemBody } from './problem.js';

/**
 * The status the access log gives a request whose client closed the connection before the request arrived
 * in full (nginx's code for the same). No client ever receives it: there is no one left to answer.
 */
export const CLIENT_CLOSED = 499;

/** What Node's HTTP parser refuses before or while a request reaches the app, the answer each gets, and the log's `reason`. */
const answers: Record<string, [status: number, detail: string, reason: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The request line and headers may take at most 16 KiB together.', 'headers_too_large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'The chunk extensions may take at most 16 KiB.', 'chunk_extensions_too_large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request did not arrive in time.', 'request_timeout'],
};

/** A request the app is handling, as its connection knows it: a refusal mid-body is logged on the request's own line. */
export interface TrackedRequest {
  requestId: string;
  /** Set when the parser refused the rest of this request (its answer already went out). */
  ended?: { status: number; reason: string };
}

const requests = new WeakMap<object, { request: TrackedRequest; incoming: IncomingMessage }>();

/** Notes that the connection of `incoming` carries the request `requestId` until the returned function is called. */
export function trackRequest(incoming: IncomingMessage, requestId: string): { request: TrackedRequest; done(): void } {
  const request: TrackedRequest = { requestId };
  const { socket } = incoming;
  requests.set(socket, { request, incoming });
  // A pipelined request may have taken the connection's slot meanwhile: it keeps it.
  return { request, done: () => void (requests.get(socket)?.request === request && requests.delete(socket)) };
}

/**
 * The request the app is reading whose body the parser refused, if any: the parser reads a connection's
 * requests in order, so while one's body is not in, a refusal is about it (a later, pipelined request's
 * refusal comes only once that body is complete).
 */
function refusedMidBody(socket: object): TrackedRequest | undefined {
  const tracked = requests.get(socket);
  return tracked && !tracked.incoming.complete ? tracked.request : undefined;
}

type ParserSocket = Duplex & { _httpMessage?: { headersSent?: boolean } | null };

/**
 * The server's `clientError` handler. Answers a request Node's HTTP parser refused (headers over its limit,
 * chunk extensions over it, a request that did not arrive in time, one that is not HTTP) with a problem
 * document and a request id, as every other error is answered, instead of Node's bare status line, and logs
 * it: a refusal of the body of a request the app is already reading (its headers were read) is logged on that
 * request's access line, with its request id; one refused before it reached the app gets an access line here (no
 * method or path: they were never read). A connection that ends or resets in the middle of a request is the
 * client leaving: no answer (the app logs the request 499 when its body fails to arrive).
 */
export function clientErrorHandler(log: LogSink) {
  return (error: NodeJS.ErrnoException, socket: ParserSocket): void => {
    const request = refusedMidBody(socket);
    // As Node's own handler: no answer into a response already under way (a timeout during an upload answered early).
    if (socket._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    if (error.code === 'ECONNRESET' || error.code === 'HPE_INVALID_EOF_STATE' || !socket.writable) {
      // The client hung up (or is leaving after an answer given here): nobody to answer. A request the app
      // is reading the body of fails to read it and is logged 499 on its own line; a connection closed
      // between requests, or before one's headers were complete, carried no request to log.
      socket.destroy();
      return;
    }
    const [status, detail, reason] = answers[error.code ?? ''] ?? [400, 'The request is not valid HTTP.', 'not_http'];
    const requestId = request?.requestId ?? randomUUID();
    const problem = problemBody(status, detail, '', requestId);
    const body = JSON.stringify(problem);
    // Closed once answered, as Node's own handler does: a client that keeps its side open is not waited for.
    socket.end(
      `HTTP/1.1 ${status} ${problem.title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
      () => socket.destroy(),
    );
    if (request) request.ended = { status, reason };
    else log({ level: 'info', msg: 'request', status, requestId, reason, code: error.code });
  };
}
