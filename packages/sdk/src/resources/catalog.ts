import type { PlatformDefinition } from '@memberpulse/integration-schema';
import type { Transport } from '../transport.js';
import type { CallOptions, MemberPulseFieldCatalog } from '../types.js';

/** The platform catalog as the server serves it (`/v1/platforms`). */
export interface PlatformsResource {
  /** Every platform with its settings form definition. */
  list(options?: CallOptions): Promise<PlatformDefinition[]>;
}

/** MemberPulse's own mappable fields (`/v1/fields`). */
export interface FieldsResource {
  /** Member and order fields. */
  list(options?: CallOptions): Promise<MemberPulseFieldCatalog>;
}

/** Builds the platforms resource on a transport. */
export function platformsResource(t: Transport): PlatformsResource {
  return {
    list: (options) =>
      t.request<{ items: PlatformDefinition[] }>({ method: 'GET', path: 'platforms', check: 'platforms', options }).then((r) => r.data.items),
  };
}

/** Builds the fields resource on a transport. */
export function fieldsResource(t: Transport): FieldsResource {
  return {
    list: (options) => t.request<MemberPulseFieldCatalog>({ method: 'GET', path: 'fields', check: 'fields', options }).then((r) => r.data),
  };
}
