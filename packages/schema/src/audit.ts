/** Actions the audit trail records. */
export type AuditAction =
  | 'settings.create'
  | 'settings.update'
  | 'settings.enable'
  | 'settings.archive'
  | 'settings.restore'
  | 'credential.write'
  | 'credential.clear'
  | 'credential.decrypt'
  | 'endpoint.create'
  | 'endpoint.update'
  | 'endpoint.delete'
  | 'key.rotate';

/**
 * One append-only audit record.
 * @additionalProperties true
 */
export interface AuditEvent {
  id: string;
  tenantId: string;
  /** Subject of the token that acted, or `system`. */
  actor: string;
  action: AuditAction;
  /** What was acted on, e.g. `settings/crm`, `settings/crm/credentials/consumerSecret`, `endpoint/<id>`. */
  target: string;
  /**
   * What the target was called when the event was recorded, where its id alone would not tell a person:
   * an endpoint's name (it outlives the endpoint's deletion). Null for other targets and for events
   * recorded before the kit kept it.
   */
  targetName: string | null;
  /** Why, for decrypts: `discovery`, `test-connection`, `sync`. */
  purpose: string | null;
  at: string;
  requestId: string | null;
}

/** Roles a token can carry; tenant-scoped. */
export type Role = 'admin' | 'editor' | 'viewer' | 'auditor';

/** Every role. */
export const roles: readonly Role[] = ['admin', 'editor', 'viewer', 'auditor'];
