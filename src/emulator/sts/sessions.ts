/**
 * The role sessions this emulator's STS issued, by access key: which account and role a temporary key
 * stands for, its SourceIdentity and when it expires (on the emulator's clock). Kept in memory only:
 * credentials do not survive a restart (a key the emulator no longer knows is refused as invalid).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface RoleSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  account: string;
  partition: string;
  /** The role's ARN as AssumeRole was given it, and its name (without path). */
  roleArn: string;
  roleName: string;
  sessionName: string;
  sourceIdentity?: string;
  /** Epoch ms on the emulator's clock. */
  expiresAtMs: number;
}

/** A key of temporary credentials; long-term IAM user keys start with AKIA. */
export const isTemporaryAccessKey = (accessKeyId: string): boolean => accessKeyId.startsWith('ASIA');

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const base32 = (bytes: Buffer, length: number): string => {
  let out = '';
  for (let i = 0; out.length < length; i++) out += BASE32[bytes[i % bytes.length] % 32];
  return out;
};

/** IAM's unique ids: a 4-letter kind (AROA role, AIDA user) and 17 characters, stable for one name. */
export const uniqueId = (kind: 'AROA' | 'AIDA', name: string): string =>
  kind + base32(createHash('sha256').update(`${kind}:${name}`).digest(), 17);

export const assumedRoleArn = (s: Pick<RoleSession, 'partition' | 'account' | 'roleName' | 'sessionName'>): string =>
  `arn:${s.partition}:sts::${s.account}:assumed-role/${s.roleName}/${s.sessionName}`;

/** AssumedRoleId: the role's unique id and the session name. */
export const assumedRoleId = (s: Pick<RoleSession, 'roleArn' | 'sessionName'>): string => `${uniqueId('AROA', s.roleArn)}:${s.sessionName}`;

/** Only the most recent sessions are remembered: AssumeRole in a loop must not grow the emulator forever. */
const SESSION_LIMIT = 10_000;

export class RoleSessions {
  private readonly byKey = new Map<string, RoleSession>();

  constructor(private readonly limit = SESSION_LIMIT) {}

  issue(session: Omit<RoleSession, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>): RoleSession {
    const issued: RoleSession = {
      // ASIA and 16 more: the 20 characters of an AWS access key id.
      accessKeyId: `ASIA${base32(randomBytes(16), 16)}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(96).toString('base64'),
      ...session,
    };
    this.byKey.set(issued.accessKeyId, issued);
    if (this.byKey.size > this.limit) this.byKey.delete(this.byKey.keys().next().value!);
    return issued;
  }

  get(accessKeyId: string): RoleSession | undefined {
    return this.byKey.get(accessKeyId);
  }
}
