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
  {
    // endpointNameKey went from lower-casing to Unicode's full case folding ("STRASSE" and "straße", "ΟΔΟΣ"
    // and "οδοσ" now collide). Every stored key was the old key, lower-cased, so the new one is computed
    // from it here, in SQL: each character a lower-cased key can hold whose folding differs (ß → ss, final
    // ς → σ, the iota subscript U+0345 → ι, once decomposed, and the old Cyrillic letter variants), then
    // composed (NFC) as endpointNameKey composes. endpoint-name-keys.test.ts checks this against
    // endpointNameKey for every code point. Endpoints whose names now collide both stay: the older keeps
    // the key, the other gets it with U+0001 and its id appended (no name holds a control character), so
    // it sorts beside its twin and the unique index holds; new names like either are refused.
    version: 3,
    name: 'endpoint name keys by case folding',
    statements: [
      `ALTER TABLE endpoints DROP CONSTRAINT endpoints_tenant_name`,
      `UPDATE endpoints e SET name_key = k.name_key
       FROM (
         SELECT id, CASE WHEN row_number() OVER (PARTITION BY tenant_id, folded ORDER BY created_at, id) = 1
                    THEN folded ELSE folded || chr(1) || id::text END AS name_key
         FROM (
           SELECT id, tenant_id, created_at,
                  normalize(replace(translate(normalize(name_key, NFD),
                    '\u0345\u03C2\u1C80\u1C81\u1C82\u1C83\u1C84\u1C85\u1C86\u1C87\u1C88',
                    '\u03B9\u03C3\u0432\u0434\u043E\u0441\u0442\u0442\u044A\u0463\uA64B'), '\u00DF', 'ss'), NFC) AS folded
           FROM endpoints
         ) f
       ) k
       WHERE e.id = k.id AND e.name_key <> k.name_key`,
      `ALTER TABLE endpoints ADD CONSTRAINT endpoints_tenant_name UNIQUE (tenant_id, name_key)`,
    ],
  },
  {
    // Who last wrote each secret. For a secret written before, it is read from the audit trail: the
    // `credential.write` event of the same tenant, target and moment as the secret's `updated_at` (one write
    // stamps both with the same time; the category slugs are spelt out as they stand at this version). A
    // secret without one (its audit events lost) keeps null.
    version: 4,
    name: 'credential writer',
    statements: [
      `ALTER TABLE credentials ADD COLUMN updated_by text`,
      // One pass over the trail's writes (a tenant's trail is mostly decrypts), not one search of it per secret.
      `UPDATE credentials c SET updated_by = w.actor
       FROM settings s, (
         SELECT DISTINCT ON (tenant_id, target, at) tenant_id, target, at, actor
         FROM audit_events WHERE action = 'credential.write'
         ORDER BY tenant_id, target, at, seq DESC
       ) w
       WHERE s.id = c.settings_id AND w.tenant_id = c.tenant_id AND w.at = c.updated_at
         AND w.target = 'settings/' || CASE s.category WHEN 'paymentGateway' THEN 'payment-gateway' ELSE s.category END || '/credentials/' || c.key`,
    ],
  },
  {
    // What an event's target was called (an endpoint's name), so the trail still names a deleted endpoint.
    // Earlier events keep null: the trail is append-only, even to a migration.
    version: 5,
    name: 'audit target name',
    statements: [`ALTER TABLE audit_events ADD COLUMN target_name text`],
  },
  {
    // Name A–Z compared code points, so "Émile" came after "Zoe": PGlite has no collation but the byte order,
    // and a deployment's Postgres may have none either. The sort key is the name key without the accents of
    // Latin, Greek and Cyrillic letters (combining marks U+0300–U+036F once decomposed), then U+0001 and the
    // key itself, so "Emile" and "Émile" stand side by side in a fixed order and the key stays unique (a twin
    // migration 3 kept sorts right after its older one: its own suffix is left out of the first part). The
    // database computes it, for the rows already stored and every one after.
    version: 6,
    name: 'endpoint sort key',
    statements: [
      `ALTER TABLE endpoints ADD COLUMN sort_key text NOT NULL GENERATED ALWAYS AS
         (normalize(regexp_replace(normalize(split_part(name_key, chr(1), 1), NFD), '[\u0300-\u036F]', '', 'g'), NFC) || chr(1) || name_key) STORED`,
      `CREATE INDEX endpoints_by_name ON endpoints (tenant_id, sort_key, id)`,
    ],
  },
];
