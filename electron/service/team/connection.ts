import pg from 'pg';

/** One record change sent to the server: the record's whole JSON (null: deleted) and the version it was made on. */
export interface OutgoingChange {
  changeId: string;
  kind: string;
  id: string;
  /** Which store file of the laptop holds the record (a unit's registers), or null. */
  shard: string | null;
  json: unknown;
  /** The change number of the server row this change was made on; 0 for a record the server has not seen. */
  baseNo: number;
}

/** The server's answer per change: its change number, or null when the row moved on since `baseNo`. */
export interface PushAnswer {
  changeId: string;
  changeNo: number | null;
}

/** A row as pulled: anything may be in it, so it is validated before it reaches the store. */
export interface IncomingRow {
  kind: string;
  id: string;
  shard: string | null;
  json: unknown;
  changeNo: number;
  changeId: string;
  writer: string;
  deleted: boolean;
}

/** Why the server cannot be used right now, in words for the BRM. */
export class TeamServerError extends Error {
  constructor(
    readonly reason: 'offline' | 'password' | 'permission' | 'setup',
    message: string,
  ) {
    super(message);
    this.name = 'TeamServerError';
  }
}

const CONNECT_TIMEOUT_MS = 5000;

/**
 * A connection to the team database as one BRM's role. TLS is used when the server offers it (like libpq's
 * `sslmode=prefer`); an `sslmode` in the URL is obeyed as written.
 */
export class TeamConnection {
  private closed = false;
  private constructor(
    private readonly client: pg.Client,
    readonly teamId: string,
    readonly role: string,
    readonly encrypted: boolean,
  ) {}

  static async open(url: string, password: string | null): Promise<TeamConnection> {
    const asksForSsl = /[?&](sslmode|ssl)=/.test(url);
    let client: pg.Client;
    let encrypted = !asksForSsl || !/[?&]sslmode=disable/.test(url);
    try {
      client = await connect(url, password, asksForSsl ? undefined : { rejectUnauthorized: false });
    } catch (error) {
      if (asksForSsl || !/does not support SSL/i.test(String((error as Error).message)))
        throw describe(error);
      client = await connect(url, password, false).catch((again: unknown) => {
        throw describe(again);
      });
      encrypted = false;
    }
    try {
      const { rows } = await client.query<{ team: string | null; role: string }>(
        'SELECT team_sync.my_team() AS team, current_user AS role',
      );
      const team = rows[0]?.team;
      if (!team)
        throw new TeamServerError(
          'permission',
          'This login is not a member of a team on that server. Ask whoever set up the team to add you.',
        );
      return new TeamConnection(client, team, rows[0]!.role, encrypted);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw describe(error);
    }
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Sends a batch in one round trip and one transaction. */
  async push(changes: readonly OutgoingChange[]): Promise<PushAnswer[]> {
    const { rows } = await this.run(() =>
      this.client.query<{ out_change_id: string; out_change_no: string | null }>(
        'SELECT out_change_id, out_change_no FROM team_sync.push($1::jsonb)',
        [JSON.stringify(changes)],
      ),
    );
    return rows.map((row) => ({
      changeId: row.out_change_id,
      changeNo: row.out_change_no === null ? null : Number(row.out_change_no),
    }));
  }

  /** Rows changed after `since`, oldest first. */
  async pull(since: number, limit: number): Promise<IncomingRow[]> {
    const { rows } = await this.run(() =>
      this.client.query<{
        kind: string;
        id: string;
        shard: string | null;
        json: unknown;
        change_no: string;
        change_id: string;
        writer: string;
        deleted: boolean;
      }>(
        `SELECT kind, id, shard, json, change_no, change_id, writer, deleted FROM team_sync.records
         WHERE team_id = $1 AND change_no > $2 ORDER BY change_no LIMIT $3`,
        [this.teamId, since, limit],
      ),
    );
    return rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      shard: row.shard,
      json: row.json,
      changeNo: Number(row.change_no),
      changeId: row.change_id,
      writer: row.writer,
      deleted: row.deleted,
    }));
  }

  /** Calls `onChange` whenever a colleague's change reaches the server (LISTEN/NOTIFY). */
  async listen(onChange: () => void): Promise<void> {
    this.client.on('notification', () => onChange());
    await this.run(() => this.client.query(`LISTEN ${pg.escapeIdentifier(`team_${this.teamId}`)}`));
  }

  /** Called once when the connection breaks (server stopped, network gone). */
  onLost(listener: (error: TeamServerError) => void): void {
    const lost = (error: unknown) => {
      if (this.closed) return;
      this.closed = true;
      listener(describe(error));
    };
    this.client.on('error', lost);
    this.client.on('end', () => lost(new Error('connection ended')));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.end().catch(() => undefined);
  }

  private async run<T>(query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (error) {
      throw describe(error);
    }
  }
}

async function connect(
  url: string,
  password: string | null,
  ssl: pg.ClientConfig['ssl'],
): Promise<pg.Client> {
  // pg lets the connection string override the other options: the password goes into it.
  const withPassword = new URL(url);
  if (password !== null) withPassword.password = encodeURIComponent(password);
  const client = new pg.Client({
    connectionString: withPassword.toString(),
    ...(ssl !== undefined ? { ssl } : {}),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    application_name: 'BRM Workbook',
  });
  // Until onLost is wired, a dropped connection must not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** A pg or network error as the reason a BRM can act on. */
export function describe(error: unknown): TeamServerError {
  if (error instanceof TeamServerError) return error;
  const code = (error as { code?: string } | null)?.code;
  const text = error instanceof Error ? error.message : String(error);
  // pg's own words when the server asks for a password and none is known.
  if (/password must be a string/.test(text)) return describe({ code: '28P01' });
  switch (code) {
    case '28P01':
    case '28000':
      return new TeamServerError(
        'password',
        'The team server refused the user name or password. Check them in Settings → Team.',
      );
    case '42501':
      return new TeamServerError(
        'permission',
        'The team server says this login has no permission for the team workbook. Ask whoever set up the team.',
      );
    case '3D000':
    case '3F000':
    case '42P01':
    case '42883':
      return new TeamServerError(
        'setup',
        'The team database is not set up on that server (run "npm run team -- setup" there first).',
      );
    default:
      return new TeamServerError(
        'offline',
        `The team server cannot be reached (${text.slice(0, 160)}). Your changes are kept on this laptop and sent when it is back.`,
      );
  }
}
