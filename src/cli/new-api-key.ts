import { createHash, randomBytes } from 'node:crypto';
import { SCOPES } from '../gateway/auth/principal';

/**
 * `npm run apikey -- <id> [scope ...] [--file-systems fs-...,fs-...]`: prints a new random API key
 * (give it to the client, once) and the record to add to API_KEYS (only its SHA-256 is stored).
 */
function main(argv: string[]): void {
  const [id, ...rest] = argv;
  if (!id) {
    console.error(
      'usage: npm run apikey -- <id> [backups:read] [backups:write] [backups:restore] [backups:hold] [--file-systems fs-1,fs-2]',
    );
    process.exit(2);
  }
  const at = rest.indexOf('--file-systems');
  const fileSystemIds = at >= 0 ? rest[at + 1]?.split(',').filter(Boolean) : undefined;
  const scopes = (at >= 0 ? rest.slice(0, at) : rest).filter(Boolean);
  const key = `fsxg_${randomBytes(32).toString('base64url')}`;
  const record = {
    id,
    sha256: createHash('sha256').update(key).digest('hex'),
    scopes: scopes.length ? scopes : [SCOPES.read],
    ...(fileSystemIds ? { fileSystemIds } : {}),
  };
  console.log(`API key (shown once; send it as the x-api-key header):\n  ${key}\n\nAdd to API_KEYS:\n  ${JSON.stringify(record)}`);
}

main(process.argv.slice(2));
