/**
 * One field-level error or warning, located by a JSON Pointer (RFC 6901) into the submitted document.
 * @additionalProperties true
 */
export interface FieldError {
  /** JSON Pointer into the request body, e.g. `/crm/memberMappings/2/target`. Empty string means the whole document. */
  pointer: string;
  /** Stable machine-readable code, e.g. `required`, `duplicate_target`, `incompatible_type`. */
  code: FieldErrorCode;
  /** Plain-language English message for people. */
  message: string;
  /**
   * For an error on a whole mapping list (a required MemberPulse field left unmapped, pointer
   * `/crm/memberMappings`): the key of that MemberPulse field, which the pointer cannot name.
   */
  source?: string;
}

/** Every code a field error or warning can carry. */
export type FieldErrorCode =
  | 'required'
  | 'invalid_type'
  | 'invalid_option'
  | 'too_short'
  | 'too_long'
  | 'too_small'
  | 'too_big'
  | 'invalid_format'
  | 'unknown_field'
  | 'immutable'
  | 'duplicate'
  | 'duplicate_target'
  | 'unknown_source'
  | 'unknown_target'
  | 'incompatible_type'
  | 'length_risk'
  | 'restricted_picklist'
  | 'not_writable'
  | 'not_tag_field'
  | 'credentials_required'
  | 'platform_mismatch'
  | 'invalid_credentials'
  | 'schema_drift'
  | 'invalid';

/**
 * RFC 9457 problem details, extended with field errors.
 * Served as `application/problem+json`.
 * @additionalProperties true
 */
export interface Problem {
  /** A URI naming the problem type, e.g. `https://memberpulse.dev/problems/validation`. */
  type: string;
  /** Short, stable summary of the problem type. */
  title: string;
  /** HTTP status code. */
  status: number;
  /** Human explanation specific to this occurrence. */
  detail?: string;
  /** URI of this occurrence (the request path). */
  instance?: string;
  /** Field-level errors; present on validation problems. */
  errors?: FieldError[];
  /** Non-blocking field-level warnings. */
  warnings?: FieldError[];
  /** Correlates with server logs and the audit trail. */
  requestId?: string;
}

/**
 * A path the API has no route for: a wrong base URL or prefix, not a missing record. On its own too, so
 * the SDK's browser bundle can tell it without carrying every problem type.
 */
export const NO_SUCH_ROUTE_TYPE = 'https://memberpulse.dev/problems/no-such-route';

/** Escapes one reference token for a JSON Pointer (`~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON Pointer from path segments: `pointer('crm', 'memberMappings', 0)` → `/crm/memberMappings/0`. */
export function pointer(...segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + escapePointerToken(s)).join('');
}

/** Splits a JSON Pointer into unescaped segments. */
export function parsePointer(value: string): string[] {
  if (value === '') return [];
  return value
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Makes one field error. */
export function fieldError(pointerValue: string, code: FieldErrorCode, message: string, source?: string): FieldError {
  return source === undefined ? { pointer: pointerValue, code, message } : { pointer: pointerValue, code, message, source };
}
