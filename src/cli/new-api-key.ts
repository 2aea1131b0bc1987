import { createHash, randomBytes } from 'node:crypto';
import { SCOPES } from '../gateway/auth/principal';

/**
 * `npm run apikey -- <id> [scope ...] [--file-systems fs-...,fs-...] [--accounts 111111111111,...]`:
 * prints a new random API key (give it to the client, once) and the record to add to API_KEYS (only
 * its SHA-256 is stored).
 */
function main(argv: string[]): void {
  const [id, ...rest] = argv;
  if (!id) {
    console.error(
      'usage: npm run apikey -- <id> [backups:read] [backups:write] [backups:restore] [backups:hold] [--file-systems fs-1,fs-2] [--accounts 111111111111,222222222222]',
    );
    process.exit(2);
  }
  const option = (name: string) => {
    const at = rest.indexOf(name);
    return at >= 0 ? rest[at + 1]?.split(',').filter(Boolean) : undefined;
  };
  const fileSystemIds = option('--file-systems');
  const accounts = option('--accounts');
  const firstOption = rest.findIndex((arg) => arg.startsWith('--'));
  const scopes = (firstOption >= 0 ? rest.slice(0, firstOption) : rest).filter(Boolean);
  const key = `fsxg_${randomBytes(32).toString('base64url')}`;
  const record = {
    id,
    sha256: createHash('sha256').update(key).digest('hex'),
    scopes: scopes.length ? scopes : [SCOPES.read],
    ...(fileSystemIds ? { fileSystemIds } : {}),
    ...(accounts ? { accounts } : {}),
  };
  console.log(`API key (shown once; send it as the x-api-key header):\n  ${key}\n\nAdd to API_KEYS:\n  ${JSON.stringify(record)}`);
}

main(process.argv.slice(2));
