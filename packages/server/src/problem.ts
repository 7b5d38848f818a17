import { fieldError, type FieldError, type Problem } from '@memberpulse/integration-schema';
import { problemTypes } from '@memberpulse/integration-schema/validation';

const titles: Record<number, [string, string]> = {
  400: [problemTypes.validation, 'Bad request'],
  401: [problemTypes.unauthorized, 'Unauthorized'],
  403: [problemTypes.forbidden, 'Forbidden'],
  404: [problemTypes.notFound, 'Not found'],
  405: [problemTypes.methodNotAllowed, 'Method not allowed'],
  408: [problemTypes.validation, 'Request timeout'],
  409: [problemTypes.conflict, 'Conflict'],
  412: [problemTypes.preconditionFailed, 'Precondition failed'],
  413: [problemTypes.payloadTooLarge, 'Payload too large'],
  415: [problemTypes.unsupported, 'Unsupported media type'],
  422: [problemTypes.validation, 'Validation failed'],
  428: [problemTypes.preconditionFailed, 'Precondition required'],
  429: [problemTypes.rateLimited, 'Too many requests'],
  431: [problemTypes.payloadTooLarge, 'Request header fields too large'],
  500: [problemTypes.internal, 'Internal server error'],
  502: [problemTypes.upstream, 'Upstream platform error'],
  503: [problemTypes.internal, 'Service unavailable'],
};

/** Thrown anywhere in a request to answer with an RFC 9457 problem. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(
    public status: number,
    public detail: string,
    public extra: { errors?: FieldError[]; warnings?: FieldError[]; headers?: Record<string, string>; type?: string; title?: string } = {},
  ) {
    super(detail);
  }
}

/** Builds the problem body for a status. */
export function problemBody(status: number, detail: string, instance: string, requestId: string, extra: ProblemError['extra'] = {}): Problem {
  const [type, title] = titles[status] ?? [problemTypes.internal, 'Error'];
  const body: Problem = { type: extra.type ?? type, title: extra.title ?? title, status, detail, instance, requestId };
  if (extra.errors) body.errors = extra.errors;
  if (extra.warnings && extra.warnings.length) body.warnings = extra.warnings;
  return body;
}

/** Shorthands. */
export const badRequest = (detail: string, errors?: FieldError[]) => new ProblemError(400, detail, errors ? { errors } : {});
export const notFound = (detail = 'No such record.') => new ProblemError(404, detail);
export const forbidden = (detail: string) => new ProblemError(403, detail);
export const unprocessable = (errors: FieldError[], warnings: FieldError[] = [], detail?: string) =>
  new ProblemError(422, detail ?? describeErrors(errors), { errors: listed(errors), warnings: listed(warnings) });

/** How many field errors (or warnings) an answer lists: a body of 25,000 unknown keys gets the first, not a 2 MB answer. */
export const MAX_LISTED = 100;

/** The first `MAX_LISTED` of `errors`, then one on the whole body (`''`) saying how many more there are. */
export function listed(errors: FieldError[]): FieldError[] {
  if (errors.length <= MAX_LISTED) return errors;
  const more = errors.length - MAX_LISTED;
  return [...errors.slice(0, MAX_LISTED), fieldError('', 'invalid', `${more.toLocaleString('en')} more ${more === 1 ? 'problem' : 'problems'} not listed: fix these first.`)];
}

function describeErrors(errors: FieldError[]): string {
  if (errors.length === 1) return `${errors[0]!.pointer || 'The document'}: ${errors[0]!.message}`;
  return `${errors.length} fields need attention.`;
}
