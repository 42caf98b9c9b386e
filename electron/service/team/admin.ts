import crypto from 'node:crypto';
import pg from 'pg';
import { migrate } from './schema';

/**
 * What the person who runs the team database does, with an administrator's URL: create the schema and a
 * team, and one PostgreSQL role per BRM. Used by `npm run team` and by the tests.
 */

export interface TeamInfo {
  teamId: string;
  name: string;
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 30);

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates (or upgrades) the schema, then a team named `name`. Repeating it with the same name is harmless. */
export async function setupTeam(adminUrl: string, name: string): Promise<TeamInfo & { schema: number }> {
  const teamId = slug(name) || 'team';
  return withAdmin(adminUrl, async (client) => {
    const { to } = await migrate(client);
    await client.query(
      'INSERT INTO team_sync.teams (team_id, name) VALUES ($1, $2) ON CONFLICT (team_id) DO NOTHING',
      [teamId, name],
    );
    return { teamId, name, schema: to };
  });
}

export async function listTeams(adminUrl: string): Promise<TeamInfo[]> {
  return withAdmin(adminUrl, async (client) => {
    const { rows } = await client.query<{ team_id: string; name: string }>(
      'SELECT team_id, name FROM team_sync.teams ORDER BY created_at',
    );
    return rows.map((row) => ({ teamId: row.team_id, name: row.name }));
  });
}

/**
 * Creates the login role of one BRM in `teamId` (the only team when there is one) with a fresh random
 * password, and returns the connection string to give them.
 */
export async function addMember(
  adminUrl: string,
  displayName: string,
  teamId?: string,
): Promise<{ role: string; teamId: string; url: string }> {
  const role = `brm_${slug(displayName) || 'member'}`;
  const password = crypto.randomBytes(18).toString('base64url');
  return withAdmin(adminUrl, async (client) => {
    const team = teamId ?? (await onlyTeam(client));
    await client.query('BEGIN');
    try {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await client.query(
        `${verb} ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD ${pg.escapeLiteral(password)}`,
      );
      await client.query(`GRANT brm_member TO ${pg.escapeIdentifier(role)}`);
      await client.query(
        `INSERT INTO team_sync.members (role_name, team_id, display_name) VALUES ($1, $2, $3)
         ON CONFLICT (role_name) DO UPDATE SET team_id = EXCLUDED.team_id, display_name = EXCLUDED.display_name`,
        [role, team, displayName],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    const url = new URL(adminUrl);
    url.username = role;
    url.password = password;
    return { role, teamId: team, url: url.toString() };
  });
}

async function onlyTeam(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ team_id: string }>('SELECT team_id FROM team_sync.teams');
  if (rows.length === 1) return rows[0]!.team_id;
  throw new Error(
    rows.length === 0
      ? 'No team exists yet: run "npm run team -- setup <admin URL>" first.'
      : `There are ${rows.length} teams: say which with --team <id> (${rows.map((r) => r.team_id).join(', ')}).`,
  );
}
