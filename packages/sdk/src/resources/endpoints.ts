import type { IntegrationEndpoint, IntegrationEndpointCreate, Page } from '@memberpulse/integration-schema';
import { paginate } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { CallOptions, EndpointListParams, UpdateOptions, WriteOptions } from '../types.js';

/** Integration endpoints (`/v1/endpoints`). */
export interface EndpointsResource {
  /** One page; remembers each endpoint's ETag. */
  list(params?: EndpointListParams, options?: CallOptions): Promise<Page<IntegrationEndpoint>>;
  /**
   * Every page from `params.cursor` on, fetched lazily:
   * `for await (const page of client.endpoints.pages({ limit: 100 })) …`.
   */
  pages(params?: EndpointListParams, options?: CallOptions): AsyncIterableIterator<Page<IntegrationEndpoint>>;
  /** Every endpoint across pages: `for await (const endpoint of client.endpoints.all()) …`. */
  all(params?: EndpointListParams, options?: CallOptions): AsyncIterableIterator<IntegrationEndpoint>;
  /** One endpoint; remembers its ETag. */
  get(id: string, options?: CallOptions): Promise<IntegrationEndpoint>;
  /** Creates an endpoint; a taken name is a `ValidationError` on `/name` (`duplicate`). */
  create(input: IntegrationEndpointCreate, options?: WriteOptions): Promise<IntegrationEndpoint>;
  /** Changes the description (the name is immutable). Sends `If-Match` when the ETag is known. */
  updateDescription(id: string, description: string, options?: UpdateOptions): Promise<IntegrationEndpoint>;
  /** Deletes an endpoint. Sends `If-Match` when the ETag is known. */
  delete(id: string, options?: UpdateOptions): Promise<void>;
  /** The ETag the client last saw for this endpoint, if any. */
  etag(id: string): string | undefined;
}

/** Builds the endpoints resource on a transport. */
export function endpointsResource(t: Transport): EndpointsResource {
  const path = (id: string) => 'endpoints/' + encodeURIComponent(id);
  const record = (id: string) => 'endpoints/' + id;
  const fetchPage = async (params: EndpointListParams, options?: CallOptions) => {
    const result = await t.request<Page<IntegrationEndpoint>>({
      method: 'GET',
      path: 'endpoints',
      query: { limit: params.limit, cursor: params.cursor, sort: params.sort, q: params.q },
      check: 'endpointPage',
      options,
    });
    // An edit of a listed endpoint then fails with ConflictError if someone else changed it since.
    for (const e of result.data.items) result.versions.rememberVersion(record(e.id), e.version);
    return result;
  };
  const pages = (params: EndpointListParams = {}, options?: CallOptions) =>
    paginate((cursor) => fetchPage({ ...params, cursor }, options), params.cursor);
  return {
    list: (params = {}, options) => fetchPage(params, options).then((r) => r.data),
    pages,
    async *all(params, options) {
      for await (const page of pages(params, options)) yield* page.items;
    },
    get: (id, options) =>
      t.request<IntegrationEndpoint>({ method: 'GET', path: path(id), record: record(id), check: 'endpoint', options }).then((r) => r.data),
    async create(input, options) {
      const r = await t.request<IntegrationEndpoint>({ method: 'POST', path: 'endpoints', body: input, check: 'endpoint', options });
      if (r.etag) r.versions.remember(record(r.data.id), r.etag);
      return r.data;
    },
    updateDescription: (id, description, options) =>
      t
        .request<IntegrationEndpoint>({
          method: 'PATCH',
          path: path(id),
          body: { description },
          record: record(id),
          conditional: true,
          check: 'endpoint',
          options,
        })
        .then((r) => r.data),
    delete: (id, options) =>
      t
        .request<undefined>({ method: 'DELETE', path: path(id), record: record(id), conditional: true, forget: true, options })
        .then(() => undefined),
    etag: (id) => t.versions.current.etag(record(id)),
  };
}
