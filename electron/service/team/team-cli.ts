/**
 * `npm run team -- setup <admin postgres URL> [--name "BRM team"]`
 *     creates (or upgrades) the team schema and a team;
 * `npm run team -- add-member <name> <admin postgres URL> [--team <team id>]`
 *     creates that BRM's PostgreSQL role and prints the connection string to give them.
 */
import { addMember, setupTeam } from './admin';

const USAGE = `Usage:
  npm run team -- setup <admin postgres URL> [--name "BRM team"]
  npm run team -- add-member <name> <admin postgres URL> [--team <team id>]`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
}

async function main(argv: string[]): Promise<void> {
  const args = [...argv];
  const command = args.shift();
  if (command === 'setup') {
    const name = option(args, '--name') ?? 'BRM team';
    const [adminUrl] = args;
    if (!adminUrl) throw new Error(USAGE);
    const team = await setupTeam(adminUrl, name);
    console.log(
      `Team database ready (schema version ${team.schema}). Team "${team.name}" has the id ${team.teamId}.`,
    );
    console.log('Next: npm run team -- add-member "<name>" <admin postgres URL>, once per BRM.');
    return;
  }
  if (command === 'add-member') {
    const teamId = option(args, '--team');
    const [name, adminUrl] = args;
    if (!name || !adminUrl) throw new Error(USAGE);
    const member = await addMember(adminUrl, name, teamId);
    console.log(
      `Created the login ${member.role} in team ${member.teamId}. Give ${name} this address (it holds the password):`,
    );
    console.log(member.url);
    console.log(
      'They paste it in Settings → Team → Connect. BRM Workbook keeps the password in the system keychain.',
    );
    return;
  }
  throw new Error(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
