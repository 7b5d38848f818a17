/**
 * An integration endpoint of a tenant (seed 002).
 * @additionalProperties true
 */
export interface IntegrationEndpoint {
  id: string;
  /** 1–80 characters, unique per tenant, immutable after creation. */
  name: string;
  description: string;
  /** Counts the changes (1 when created); the endpoint's ETag is this number in quotes. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Body of a create. */
export interface IntegrationEndpointCreate {
  /**
   * One line of visible text (`ONE_LINE_TEXT`), not blank.
   * @minLength 1
   * @maxLength 80
   * @pattern ^[^\u0000-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]*[^\s\u0000-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF][^\u0000-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]*$
   */
  name: string;
  /**
   * @minLength 1
   * @maxLength 1000
   * @pattern \S
   */
  description: string;
}

/** Body of an update: the name is immutable, so only the description. */
export interface IntegrationEndpointUpdate {
  /**
   * @minLength 1
   * @maxLength 1000
   * @pattern \S
   */
  description: string;
}

/** Sort orders of the endpoint list. */
export type EndpointSort = 'name' | '-name' | 'createdAt' | '-createdAt';

/**
 * One page of a cursor-paged list.
 * @additionalProperties true
 */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
  /** Total matching items. */
  total: number;
}
