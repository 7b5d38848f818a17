// The problem type URIs the server answers with. Only the server builds problems, so the table lives in
// this entry, not in the main one a page of widgets loads; the SDK tells one type apart (`NO_SUCH_ROUTE_TYPE`).
import { NO_SUCH_ROUTE_TYPE } from '../problem.js';

/** Problem type URIs used by the server and understood by the SDK. */
export const problemTypes = {
  validation: 'https://memberpulse.dev/problems/validation',
  unauthorized: 'https://memberpulse.dev/problems/unauthorized',
  forbidden: 'https://memberpulse.dev/problems/forbidden',
  notFound: 'https://memberpulse.dev/problems/not-found',
  noSuchRoute: NO_SUCH_ROUTE_TYPE,
  methodNotAllowed: 'https://memberpulse.dev/problems/method-not-allowed',
  conflict: 'https://memberpulse.dev/problems/conflict',
  preconditionFailed: 'https://memberpulse.dev/problems/precondition-failed',
  rateLimited: 'https://memberpulse.dev/problems/rate-limited',
  payloadTooLarge: 'https://memberpulse.dev/problems/payload-too-large',
  unsupported: 'https://memberpulse.dev/problems/unsupported',
  upstream: 'https://memberpulse.dev/problems/upstream',
  internal: 'https://memberpulse.dev/problems/internal',
} as const;
