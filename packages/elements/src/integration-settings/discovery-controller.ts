import type { ReactiveControllerHost } from 'lit';
import type { CrmFieldDescriptor, CrmObjectSummary } from '@memberpulse/integration-schema';
import type { ApiUsage, IntegrationClient } from '@memberpulse/integrations-sdk';

/**
 * A value being fetched: nothing yet, loading, loaded, or failed with the SDK's error. A refresh keeps the
 * last value while it loads and after it fails, so a screen that worked keeps working.
 */
export type Remote<T> =
  | { state: 'idle' }
  | { state: 'loading'; value?: T }
  | { state: 'ready'; value: T }
  | { state: 'error'; error: unknown; value?: T };

/** The value a remote holds, loaded now or before a refresh. */
export function valueOf<T>(remote: Remote<T>): T | undefined {
  return remote.state === 'idle' ? undefined : remote.value;
}

const IDLE = { state: 'idle' } as const;

/**
 * CRM discovery for the settings form: the object list, fields per object and API usage, fetched through
 * the SDK (the server holds the credentials) and kept until the client or connection changes.
 * The host re-renders whenever something arrives.
 *
 * Requests are numbered. An answer is applied only when its request is newer than the last reset (another
 * client or connection) and than the one whose answer its value holds, so a late answer to an older request
 * never replaces a newer one, while one that lands first still shows until the newer arrives.
 */
export class DiscoveryController {
  readonly #host: ReactiveControllerHost;
  #client: IntegrationClient | undefined;
  #objects: Remote<CrmObjectSummary[]> = IDLE;
  #fields = new Map<string, Remote<CrmFieldDescriptor[]>>();
  #usage: Remote<ApiUsage> = IDLE;
  #requests = 0;
  /** The last request made before the last reset. */
  #resetAt = 0;
  /** The request whose answer each value (objects, usage, fields of one object) holds. */
  #applied = new Map<string, number>();
  /** Where {@link refresh} stands since the last reset: `done` once one got every answer. */
  #refresh: 'idle' | 'running' | 'done' = 'idle';

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Forgets everything (new client, new credentials, reload). */
  reset(client: IntegrationClient | undefined): void {
    this.#client = client;
    this.#resetAt = this.#requests;
    this.#objects = IDLE;
    this.#fields = new Map();
    this.#usage = IDLE;
    this.#applied.clear();
    this.#refresh = 'idle';
  }

  /** A {@link refresh} is under way. */
  get refreshing(): boolean {
    return this.#refresh === 'running';
  }

  /** The last {@link refresh} since the last reset got every answer (and none is under way). */
  get refreshed(): boolean {
    return this.#refresh === 'done';
  }

  /**
   * Reads the objects and the fields of each named object again, past the server's cache. Resolves once every
   * answer is in and the host has rendered them: `true` when all came back, `false` when one failed (its remote
   * holds the error, and the value it had), `undefined` when a reset (another client or connection) dropped them
   * or a refresh was already under way (this call asks nothing).
   */
  async refresh(objectNames: Iterable<string | null>): Promise<boolean | undefined> {
    if (this.refreshing) return undefined;
    const since = this.#requests;
    this.#refresh = 'running';
    this.#host.requestUpdate();
    const loads = [this.loadObjects(true), ...[...new Set(objectNames)].map((name) => this.loadFields(name, true))];
    const answered = await Promise.all(loads);
    if (this.#resetAt > since) return undefined;
    this.#refresh = answered.every(Boolean) ? 'done' : 'idle';
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    return this.refreshed;
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

  /** The fields once loaded (or as loaded before a refresh), else undefined. */
  fieldsOf(objectName: string | null): CrmFieldDescriptor[] | undefined {
    return valueOf(this.fields(objectName));
  }

  /** Loads the CRM's objects unless they are loaded or loading (`refresh`: again, past the server's cache). Resolves `false` when the answer is a failure. */
  loadObjects(refresh = false): Promise<boolean> {
    if (!refresh && this.#objects.state !== 'idle') return Promise.resolve(true);
    return this.#load('objects', (c) => c.crm.objects({ refresh }), () => this.#objects, (r) => (this.#objects = r));
  }

  /** Loads an object's fields, as {@link loadObjects} loads the objects. */
  loadFields(objectName: string | null, refresh = false): Promise<boolean> {
    if (!objectName || (!refresh && this.fields(objectName).state !== 'idle')) return Promise.resolve(true);
    return this.#load(`fields:${objectName}`, (c) => c.crm.fields(objectName, { refresh }), () => this.fields(objectName), (r) => this.#fields.set(objectName, r));
  }

  /** Loads the org's API usage, as {@link loadObjects} loads the objects. */
  loadUsage(refresh = false): Promise<boolean> {
    if (!refresh && this.#usage.state !== 'idle') return Promise.resolve(true);
    return this.#load('usage', (c) => c.crm.apiUsage({ refresh }), () => this.#usage, (r) => (this.#usage = r));
  }

  async #load<T>(key: string, call: (client: IntegrationClient) => Promise<T>, get: () => Remote<T>, put: (r: Remote<T>) => void): Promise<boolean> {
    const client = this.#client;
    if (!client) return true;
    const request = ++this.#requests;
    const kept = valueOf(get());
    put(kept === undefined ? { state: 'loading' } : { state: 'loading', value: kept });
    // Loads start while rendering too; re-render after that render, not inside it.
    queueMicrotask(() => this.#host.requestUpdate());
    let result: Remote<T>;
    try {
      result = { state: 'ready', value: await call(client) };
    } catch (error) {
      const before = valueOf(get());
      result = before === undefined ? { state: 'error', error } : { state: 'error', error, value: before };
    }
    if (request <= (this.#applied.get(key) ?? this.#resetAt)) return result.state === 'ready';
    this.#applied.set(key, request);
    put(result);
    this.#host.requestUpdate();
    return result.state === 'ready';
  }
}
