/** One schema migration: applied once, in order, in a transaction, on PGlite and Postgres alike. */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/** The one migration set. Append new migrations; never edit an applied one. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    statements: [
      `CREATE TABLE tenant_keys (
        tenant_id text PRIMARY KEY,
        wrapped_key text NOT NULL,
        master_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz
      )`,
      `CREATE INDEX tenant_keys_master_key ON tenant_keys (master_key_id)`,
      `CREATE TABLE settings (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        category text NOT NULL CHECK (category IN ('crm', 'accounting', 'paymentGateway')),
        platform text,
        status text NOT NULL CHECK (status IN ('draft', 'enabled', 'archived')),
        config jsonb NOT NULL DEFAULT '{}'::jsonb,
        crm jsonb,
        drift jsonb NOT NULL DEFAULT '[]'::jsonb,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL,
        UNIQUE (tenant_id, category)
      )`,
      `CREATE TABLE credentials (
        settings_id uuid NOT NULL REFERENCES settings (id) ON DELETE CASCADE,
        tenant_id text NOT NULL,
        key text NOT NULL,
        ciphertext text NOT NULL,
        hint text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (settings_id, key)
      )`,
      `CREATE TABLE endpoints (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        name text NOT NULL,
        name_key text NOT NULL,
        description text NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL,
        CONSTRAINT endpoints_tenant_name UNIQUE (tenant_id, name_key)
      )`,
      `CREATE INDEX endpoints_by_created ON endpoints (tenant_id, created_at, id)`,
      `CREATE TABLE audit_events (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        tenant_id text NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        target text NOT NULL,
        purpose text,
        at timestamptz NOT NULL,
        request_id text
      )`,
      `CREATE INDEX audit_events_by_tenant ON audit_events (tenant_id, seq DESC)`,
      // Append-only: any UPDATE, DELETE or TRUNCATE of the audit trail is refused by the database itself.
      `CREATE FUNCTION mp_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
       END
       $$`,
      `CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
         FOR EACH ROW EXECUTE FUNCTION mp_audit_append_only()`,
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
         FOR EACH STATEMENT EXECUTE FUNCTION mp_audit_append_only()`,
      `CREATE TABLE idempotency_keys (
        tenant_id text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        status integer NOT NULL,
        headers jsonb NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (tenant_id, key)
      )`,
      `CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)`,
    ],
  },
  {
    version: 2,
    name: 'inbound category',
    statements: [
      `ALTER TABLE settings DROP CONSTRAINT settings_category_check`,
      `ALTER TABLE settings ADD CONSTRAINT settings_category_check CHECK (category IN ('crm', 'accounting', 'paymentGateway', 'inbound'))`,
    ],
  },
];
