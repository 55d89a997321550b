import 'reflect-metadata';
import { databaseUrlFor, readSettings } from '@app/service-kit/settings/settings';
import { DataSource } from 'typeorm';
import { User } from '../users/user.entity';
import { activateByUsername, OperatorActivation } from './activate-by-username';

/**
 * `npm run user:activate -- <username>`: the operator's way back when every administrator is locked
 * (DESIGN.md section 5). Reaches identity's database with the services' own settings (DATABASE_URL,
 * IDENTITY_DB) and needs neither Nest nor a running identity. Exit code 0 when done, 1 otherwise.
 */
async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || !args[0].trim()) {
    console.error('Usage: npm run user:activate -- <username>');
    return 1;
  }
  const username = args[0];
  // Only the database settings matter here; the production rule about JWT_SECRET is the services' own.
  const settings = readSettings({ ...process.env, NODE_ENV: undefined });
  const database = settings.databases.identity;
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrlFor(settings.databaseUrl, database),
    entities: [User],
    extra: { max: 1, application_name: 'identity-user-activate' },
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    console.error(`Cannot reach identity's database "${database}" (DATABASE_URL, IDENTITY_DB): ${(error as Error).message}`);
    return 1;
  }
  try {
    const done = await activateByUsername(dataSource, username);
    if (!done) {
      console.error(`There is no user "${username}" in identity's database "${database}"; nothing was changed.`);
      return 1;
    }
    console.log(describe(done));
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

function describe(done: OperatorActivation): string {
  const who = `User "${done.username}" (${done.id})`;
  const lines =
    done.before === 'LOCKED'
      ? [`${who} is ACTIVE again; failed logins and locks in a row are reset.`, 'identity.user.unlocked (reason OPERATOR) is in the outbox; identity publishes it when it runs.']
      : [`${who} was not locked (status ${done.before}, unchanged); failed logins and locks in a row are reset.`];
  if (done.after === 'PASSWORD_RESET') lines.push('The password was reset: the user must set a new one through the link in the email.');
  if (!done.enabled) lines.push('The user is disabled: an administrator must enable them before they can log in.');
  return lines.join('\n');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`user:activate failed: ${(error as Error)?.message ?? error}`);
    process.exit(1);
  },
);
