import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CrmFieldDescriptor, CrmObjectSummary } from '@memberpulse/integration-schema';
import type { ApiUsage, IntegrationClient } from '@memberpulse/integrations-sdk';

/** A value being fetched: nothing yet, loading, loaded, or failed with the SDK's error. */
export type Remote<T> = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: unknown };

const IDLE = { state: 'idle' } as const;

/**
 * CRM discovery for the settings form: the object list, fields per object and API usage, fetched through
 * the SDK (the server holds the credentials) and kept until the client or connection changes.
 * The host re-renders whenever something arrives.
 */
export class DiscoveryController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #client: IntegrationClient | undefined;
  #objects: Remote<CrmObjectSummary[]> = IDLE;
  #fields = new Map<string, Remote<CrmFieldDescriptor[]>>();
  #usage: Remote<ApiUsage> = IDLE;
  /** Bumped on reset so answers to older requests are dropped. */
  #generation = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets everything (new client, new credentials, reload). */
  reset(client: IntegrationClient | undefined): void {
    this.#client = client;
    this.#generation++;
    this.#objects = IDLE;
    this.#fields = new Map();
    this.#usage = IDLE;
  }

  get objects(): Remote<CrmObjectSummary[]> {
    return this.#objects;
  }

  get usage(): Remote<ApiUsage> {
    return this.#usage;
  }

  fields(objectName: string | null): Remote<CrmFieldDescriptor[]> {
    return objectName ? (this.#fields.get(objectName) ?? IDLE) : IDLE;
  }

  /** The fields once loaded, else undefined. */
  fieldsOf(objectName: string | null): CrmFieldDescriptor[] | undefined {
    const f = this.fields(objectName);
    return f.state === 'ready' ? f.value : undefined;
  }

  loadObjects(refresh = false): void {
    if (!refresh && this.#objects.state !== 'idle') return;
    this.#objects = { state: 'loading' };
    void this.#fetch((c) => c.crm.objects({ refresh }), (r) => (this.#objects = r));
  }

  loadFields(objectName: string | null, refresh = false): void {
    if (!objectName || (!refresh && this.fields(objectName).state !== 'idle')) return;
    this.#fields.set(objectName, { state: 'loading' });
    void this.#fetch((c) => c.crm.fields(objectName, { refresh }), (r) => this.#fields.set(objectName, r));
  }

  loadUsage(refresh = false): void {
    if (!refresh && this.#usage.state !== 'idle') return;
    this.#usage = { state: 'loading' };
    void this.#fetch((c) => c.crm.apiUsage(), (r) => (this.#usage = r));
  }

  async #fetch<T>(call: (client: IntegrationClient) => Promise<T>, put: (r: Remote<T>) => void): Promise<void> {
    const client = this.#client;
    const generation = this.#generation;
    if (!client) return;
    // Loads start while rendering too; re-render after that render, not inside it.
    queueMicrotask(() => this.#host.requestUpdate());
    let result: Remote<T>;
    try {
      result = { state: 'ready', value: await call(client) };
    } catch (error) {
      result = { state: 'error', error };
    }
    if (generation !== this.#generation) return;
    put(result);
    this.#host.requestUpdate();
  }
}
