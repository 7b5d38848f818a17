import type { endpointSorts } from './validation/endpoint-sorts.js';

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
   * One line of visible text (`ONE_LINE_TEXT`, `VISIBLE_TEXT`).
   * @minLength 1
   * @maxLength 80
   * @pattern ^(?=[\s\S]*[\p{L}\p{N}\p{P}\p{S}])(?:(?![\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]|(?![\u200C\u200D\uFE00-\uFE0F])\p{Default_Ignorable_Code_Point})[\s\S])*$
   */
  name: string;
  /**
   * Stored without surrounding space; the 1000-character limit holds for it so (this schema counts it as sent).
   * @minLength 1
   * @maxLength 1000
   * @pattern \S
   */
  description: string;
}

/** Body of an update: the name is immutable, so only the description. */
export interface IntegrationEndpointUpdate {
  /**
   * Stored without surrounding space; the 1000-character limit holds for it so (this schema counts it as sent).
   * @minLength 1
   * @maxLength 1000
   * @pattern \S
   */
  description: string;
}

/** Sort orders of the endpoint list (the values live in the `/validation` entry, kept out of the widgets' main entry). */
export type EndpointSort = (typeof endpointSorts)[number];

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
