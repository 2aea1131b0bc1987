import { randomBytes } from 'node:crypto';
import type { EnvReader, EnvVarDoc } from '../../env';

export const CURSOR_ENV_VARS: readonly EnvVarDoc[] = [
  {
    name: 'CURSOR_SECRET',
    default: '(random per process)',
    description:
      'HMAC key that signs pagination cursors. Set the same value on every replica so cursors survive restarts and load balancing.',
  },
];

/** The key of CursorCodec. Unset, a random one: cursors then die with the process and work on this replica only. */
export function readCursorSecret(read: EnvReader): string {
  return read.string('CURSOR_SECRET') ?? randomBytes(32).toString('hex');
}
