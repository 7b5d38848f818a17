import {
  ConflictError,
  ForbiddenError,
  IntegrationError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '@memberpulse/integrations-sdk';
import { msg } from '../i18n/index.js';
import { translator } from './translate.js';

/** The English of the widgets' error sentences (`error.*`). */
export const errorMessages = {
  'error.network': 'The server could not be reached. Check the connection and try again.',
  'error.timeout': 'The server took too long to answer. Try again.',
  'error.unauthorized': 'Your session has expired. Sign in again.',
  'error.forbidden': 'Your role does not allow this.',
  'error.notFound': 'It no longer exists; someone may have deleted it.',
  'error.conflict': 'It was changed elsewhere while you were editing.',
  'error.rateLimited': 'Too many requests. Try again in {seconds} s.',
  'error.validation': 'Some values need fixing.',
  'error.unknown': 'Something went wrong.',
  'error.status': 'Something between here and the server refused the request (HTTP {status}).',
  'error.unreadable': 'The server answered something this page cannot read.',
  'error.checksUnavailable':
    'The SDK’s response checks could not be loaded: serve mp-integration-kit-checks.js beside mp-integration-kit.js, or create the client with validateResponses: false.',
  'error.reference': 'Reference: {id}',
  'error.noProvider': 'Not connected: place this element inside <mp-integration-provider> or give it a client.',
  'error.providerIncomplete': 'Not connected: give the <mp-integration-provider> around this element a base-url, or a client.',
  'error.providerMisconfigured': 'Not connected: see the message of the <mp-integration-provider> around this element.',
} as const;

/** Translates the widgets' error sentences (`error.*` keys). */
export const errorT = translator(errorMessages);

/** A plain sentence for a failed call, for people (never the token or a secret: SDK errors hold none). */
export function errorText(error: unknown): string {
  if (error instanceof ValidationError) {
    // The server's English (its error on the whole body, or its detail) tells more than the kit's sentence,
    // unless the host translated that sentence (`error.validation`).
    const english = error.errors.find((e) => e.pointer === '')?.message ?? error.detail ?? errorMessages['error.validation'];
    return msg('error.validation', undefined, english);
  }
  if (error instanceof NetworkError) return errorT('error.network');
  if (error instanceof TimeoutError) return errorT('error.timeout');
  if (error instanceof UnauthorizedError) return errorT('error.unauthorized');
  if (error instanceof ForbiddenError) return errorT('error.forbidden');
  if (error instanceof NotFoundError) return errorT('error.notFound');
  if (error instanceof ConflictError) return errorT('error.conflict');
  if (error instanceof RateLimitError) return errorT('error.rateLimited', { seconds: error.retryAfter ?? 60 });
  if (error instanceof InvalidResponseError) return errorT(error.reason === 'checks' ? 'error.checksUnavailable' : 'error.unreadable');
  if (error instanceof IntegrationError && error.detail) {
    // The server's English sentence, unless the host registered `error.problem.<type>` (upstream, internal…).
    const kind = error.type?.slice(error.type.lastIndexOf('/') + 1);
    return kind ? msg(`error.problem.${kind}`, undefined, error.detail) : error.detail;
  }
  // An HTTP error with no problem document: a page in the way (a proxy's), not the API's answer.
  if (error instanceof IntegrationError && error.status && !error.problem) return errorT('error.status', { status: error.status });
  return errorT('error.unknown');
}

/** The call may have taken effect: it was sent, but no readable answer came back (a write's outcome is unknown). */
export function outcomeUnknown(error: unknown): boolean {
  return error instanceof NetworkError || error instanceof TimeoutError || (error instanceof InvalidResponseError && error.reason !== 'checks');
}

/** The request id to quote to support, when the server gave one. */
export function errorReference(error: unknown): string | undefined {
  const id = error && typeof error === 'object' && 'requestId' in error ? error.requestId : undefined;
  return typeof id === 'string' && id ? errorT('error.reference', { id }) : undefined;
}
