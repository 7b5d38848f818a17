import type { EndpointSort, IntegrationEndpoint } from '@memberpulse/integration-schema';

/** What happened to an endpoint. */
export type EndpointChange = 'created' | 'updated' | 'deleted';

/** An endpoint was created, updated or deleted through the grid (after the server confirmed it). */
export class EndpointChangeEvent extends Event {
  static readonly types = { created: 'mp-endpoint-created', updated: 'mp-endpoint-updated', deleted: 'mp-endpoint-deleted' } as const;
  constructor(
    readonly change: EndpointChange,
    readonly endpoint: IntegrationEndpoint,
  ) {
    super(EndpointChangeEvent.types[change], { bubbles: true, composed: true });
  }
}

/** The admin sorted the grid (the Sort menu or the Name column's head); `sort` is the new order. */
export class SortChangeEvent extends Event {
  static readonly type = 'mp-sort-change';
  constructor(readonly sort: EndpointSort) {
    super(SortChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-sort-change': SortChangeEvent;
    'mp-endpoint-created': EndpointChangeEvent;
    'mp-endpoint-updated': EndpointChangeEvent;
    'mp-endpoint-deleted': EndpointChangeEvent;
  }
}
