import type { ClientBase } from 'pg';

/**
 * The team database's schema as versioned SQL. Each migration runs once, in its own transaction, and is
 * recorded in `team_sync.schema_version`; a rerun skips what is recorded, so `setup` may be repeated.
 * Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: teams, members (one PostgreSQL role per BRM), records, the idempotency table and row-level security.
  `
  CREATE TABLE team_sync.teams (
    team_id text PRIMARY KEY CHECK (team_id ~ '^[a-z0-9_]{1,40}$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE team_sync.members (
    role_name text PRIMARY KEY,
    team_id text NOT NULL REFERENCES team_sync.teams,
    display_name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE team_sync.records (
    team_id text NOT NULL REFERENCES team_sync.teams,
    kind text NOT NULL CHECK (length(kind) <= 40),
    id text NOT NULL CHECK (length(id) <= 64),
    shard text CHECK (length(shard) <= 64),
    json jsonb,
    change_no bigserial NOT NULL,
    -- The id of the change that wrote this version: a laptop recognises its own changes coming back.
    change_id text NOT NULL CHECK (length(change_id) <= 64),
    writer text NOT NULL DEFAULT current_user,
    deleted boolean NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, kind, id)
  );
  CREATE INDEX records_team_change ON team_sync.records (team_id, change_no);
  CREATE TABLE team_sync.changes (
    team_id text NOT NULL REFERENCES team_sync.teams,
    change_id text NOT NULL CHECK (length(change_id) <= 64),
    change_no bigint NOT NULL,
    writer text NOT NULL DEFAULT current_user,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, change_id)
  );

  -- Who the connected role is: its team, found through its own member row only.
  CREATE FUNCTION team_sync.my_team() RETURNS text LANGUAGE sql STABLE AS
    $$ SELECT team_id FROM team_sync.members WHERE role_name = current_user $$;

  ALTER TABLE team_sync.members ENABLE ROW LEVEL SECURITY;
  CREATE POLICY own_member_row ON team_sync.members USING (role_name = current_user);
  ALTER TABLE team_sync.teams ENABLE ROW LEVEL SECURITY;
  CREATE POLICY own_team ON team_sync.teams USING (team_id = team_sync.my_team());
  ALTER TABLE team_sync.records ENABLE ROW LEVEL SECURITY;
  CREATE POLICY team_rows ON team_sync.records
    USING (team_id = team_sync.my_team()) WITH CHECK (team_id = team_sync.my_team());
  ALTER TABLE team_sync.changes ENABLE ROW LEVEL SECURITY;
  CREATE POLICY team_changes ON team_sync.changes
    USING (team_id = team_sync.my_team()) WITH CHECK (team_id = team_sync.my_team());

  -- Members are told of new changes while online; the payload is only the change number.
  CREATE FUNCTION team_sync.notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('team_' || NEW.team_id, NEW.change_no::text);
    RETURN NULL;
  END $$;
  CREATE TRIGGER records_notify AFTER INSERT OR UPDATE ON team_sync.records
    FOR EACH ROW EXECUTE FUNCTION team_sync.notify_change();

  -- The writer is who the server says is connected, never what the laptop claims.
  CREATE FUNCTION team_sync.stamp_writer() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    NEW.writer := current_user;
    NEW.updated_at := now();
    RETURN NEW;
  END $$;
  CREATE TRIGGER records_writer BEFORE INSERT OR UPDATE ON team_sync.records
    FOR EACH ROW EXECUTE FUNCTION team_sync.stamp_writer();

  -- A batch of changes from one laptop, in one round trip. A change id seen before answers with the
  -- change number it got then (a retry never applies twice); a change made on an older version of the
  -- row than the server's answers NULL (stale: the laptop pulls, merges and sends it again). Pushes of
  -- one team are serialised so change numbers grow in commit order and a pull never skips one.
  CREATE FUNCTION team_sync.push(batch jsonb)
    RETURNS TABLE (out_change_id text, out_change_no bigint) LANGUAGE plpgsql AS $$
  DECLARE
    t text := team_sync.my_team();
    c jsonb;
    cur bigint;
    done bigint;
  BEGIN
    IF t IS NULL THEN
      RAISE EXCEPTION 'This role is not a member of a team.' USING ERRCODE = '42501';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('team_sync.push:' || t));
    FOR c IN SELECT value FROM jsonb_array_elements(batch) LOOP
      out_change_id := c->>'changeId';
      SELECT ch.change_no INTO done FROM team_sync.changes ch
        WHERE ch.team_id = t AND ch.change_id = c->>'changeId';
      IF FOUND THEN
        out_change_no := done;
        RETURN NEXT;
        CONTINUE;
      END IF;
      SELECT r.change_no INTO cur FROM team_sync.records r
        WHERE r.team_id = t AND r.kind = c->>'kind' AND r.id = c->>'id';
      IF coalesce(cur, 0) <> (c->>'baseNo')::bigint THEN
        out_change_no := NULL;
        RETURN NEXT;
        CONTINUE;
      END IF;
      INSERT INTO team_sync.records AS r (team_id, kind, id, shard, json, change_id, deleted)
        VALUES (t, c->>'kind', c->>'id', c->>'shard', c->'json', c->>'changeId',
                coalesce(c->'json', 'null') = 'null')
        ON CONFLICT (team_id, kind, id) DO UPDATE
          SET shard = EXCLUDED.shard, json = EXCLUDED.json, deleted = EXCLUDED.deleted,
              change_id = EXCLUDED.change_id,
              change_no = nextval('team_sync.records_change_no_seq')
        RETURNING r.change_no INTO done;
      INSERT INTO team_sync.changes (team_id, change_id, change_no) VALUES (t, c->>'changeId', done);
      out_change_no := done;
      RETURN NEXT;
    END LOOP;
  END $$;

  -- Roles belong to the whole cluster: another database of it may have made this one already.
  DO $$ BEGIN CREATE ROLE brm_member NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
  GRANT USAGE ON SCHEMA team_sync TO brm_member;
  GRANT SELECT ON team_sync.teams, team_sync.members TO brm_member;
  GRANT SELECT, INSERT, UPDATE ON team_sync.records, team_sync.changes TO brm_member;
  GRANT USAGE ON SEQUENCE team_sync.records_change_no_seq TO brm_member;
  `,
];

/** Applies the migrations this database lacks. Serialised by an advisory lock, so two set-ups cannot race. */
export async function migrate(client: ClientBase): Promise<{ from: number; to: number }> {
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('team_sync.migrate'))");
    await client.query('CREATE SCHEMA IF NOT EXISTS team_sync');
    await client.query(
      'CREATE TABLE IF NOT EXISTS team_sync.schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM team_sync.schema_version',
    );
    const from = rows[0]?.v ?? 0;
    if (from > MIGRATIONS.length)
      throw new Error(
        `This team database was set up by a newer BRM Workbook (schema ${from}); update the app before using it.`,
      );
    for (let version = from + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1]!);
      await client.query('INSERT INTO team_sync.schema_version (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
    return { from, to: MIGRATIONS.length };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
