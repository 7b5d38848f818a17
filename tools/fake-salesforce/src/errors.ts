/** Salesforce REST error payloads: `[{ "message", "errorCode", "fields" }]`. */

/** One entry of a Salesforce REST error array. */
export interface SfErrorEntry {
  message: string;
  errorCode: string;
  fields?: string[];
}

/** An error the fake answers with, in Salesforce's REST shape. */
export class SfApiError extends Error {
  /**
   * @param status HTTP status.
   * @param errorCode Salesforce error code, e.g. `INVALID_FIELD`.
   * @param fields Field names, for record (DML) errors; omitted for request-level errors.
   */
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
    this.name = 'SfApiError';
  }

  /** One entry of the error array. */
  toEntry(): SfErrorEntry {
    return this.fields
      ? { message: this.message, errorCode: this.errorCode, fields: this.fields }
      : { message: this.message, errorCode: this.errorCode };
  }
}

/** Several record errors reported together (e.g. a bad picklist value and a value too long). */
export class SfApiErrors extends Error {
  constructor(
    readonly status: number,
    readonly errors: SfApiError[],
  ) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'SfApiErrors';
  }
}

/** The JSON body for an error thrown by a handler. */
export function errorBody(err: SfApiError | SfApiErrors): SfErrorEntry[] {
  return err instanceof SfApiErrors ? err.errors.map((e) => e.toEntry()) : [err.toEntry()];
}

/** The usual 404 for an unknown resource or sObject. */
export function notFound(message = 'The requested resource does not exist'): SfApiError {
  return new SfApiError(404, 'NOT_FOUND', message);
}

/** 400 INVALID_TYPE, as a query on an unknown sObject answers. */
export function invalidType(name: string): SfApiError {
  return new SfApiError(
    400,
    'INVALID_TYPE',
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

/** 400 JSON_PARSER_ERROR for a body that is not the JSON expected. */
export function jsonParserError(message: string): SfApiError {
  return new SfApiError(400, 'JSON_PARSER_ERROR', message);
}
