/**
 * AssumeRole: temporary credentials for a role of any served account. There is no IAM here: every
 * role name exists and trusts every caller, except that a role FSX_EMULATOR_ROLE_EXTERNAL_IDS names
 * requires its ExternalId (a trust policy's sts:ExternalId condition). Session policies, tags and
 * MFA members are accepted and ignored.
 */
import { CHAINED_MAX_DURATION_SECONDS, DURATION_SECONDS, parseRoleArn, stringViolations } from './constraints';
import type { StsAction, StsContext } from './context';
import { StsError, validationError, type Violation } from './errors';
import { assumedRoleArn, assumedRoleId } from './sessions';

/** ISO 8601 without milliseconds, as STS writes Expiration. */
const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const accessDenied = (ctx: StsContext, action: string, resource: string): StsError =>
  new StsError('AccessDenied', `User: ${ctx.caller.arn} is not authorized to perform: ${action} on resource: ${resource}`);

function violations(p: Readonly<Record<string, string>>): Violation[] {
  const found: Violation[] = [];
  for (const name of ['RoleArn', 'RoleSessionName'] as const) {
    if (p[name] === undefined)
      found.push({ member: name[0].toLowerCase() + name.slice(1), value: null, constraint: 'Member must not be null' });
    else found.push(...stringViolations(name, p[name]));
  }
  for (const name of ['ExternalId', 'SourceIdentity'] as const) if (p[name] !== undefined) found.push(...stringViolations(name, p[name]));
  const duration = p.DurationSeconds;
  if (duration !== undefined) {
    const n = /^\d{1,9}$/.test(duration) ? Number(duration) : NaN;
    if (Number.isNaN(n)) found.push({ member: 'durationSeconds', value: duration, constraint: 'Member must be an integer' });
    else if (n < DURATION_SECONDS.min)
      found.push({
        member: 'durationSeconds',
        value: duration,
        constraint: `Member must have value greater than or equal to ${DURATION_SECONDS.min}`,
      });
    else if (n > DURATION_SECONDS.max)
      found.push({
        member: 'durationSeconds',
        value: duration,
        constraint: `Member must have value less than or equal to ${DURATION_SECONDS.max}`,
      });
  }
  return found;
}

export const assumeRole: StsAction = (p, ctx) => {
  // The reserved prefix is named on its own: "aws:" also breaks the pattern, but that would not say why.
  if (p.SourceIdentity?.toLowerCase().startsWith('aws:'))
    throw new StsError('ValidationError', `SourceIdentity '${p.SourceIdentity}' cannot start with the reserved prefix 'aws:'.`);
  const broken = violations(p);
  if (broken.length > 0) throw validationError(broken);
  const durationSeconds = p.DurationSeconds === undefined ? DURATION_SECONDS.default : Number(p.DurationSeconds);
  const parent = ctx.caller.session;
  if (parent && durationSeconds > CHAINED_MAX_DURATION_SECONDS)
    throw new StsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );

  const roleArn = p.RoleArn;
  const role = parseRoleArn(roleArn);
  if (!role || !ctx.accounts.includes(role.account)) throw accessDenied(ctx, 'sts:AssumeRole', roleArn);
  const requiredExternalId = Object.prototype.hasOwnProperty.call(ctx.roleExternalIds, roleArn) ? ctx.roleExternalIds[roleArn] : undefined;
  if (requiredExternalId !== undefined && p.ExternalId !== requiredExternalId) throw accessDenied(ctx, 'sts:AssumeRole', roleArn);
  // A SourceIdentity, once set, stays with every session chained from it (AWS: it cannot be changed).
  if (parent?.sourceIdentity !== undefined && p.SourceIdentity !== undefined && p.SourceIdentity !== parent.sourceIdentity)
    throw accessDenied(ctx, 'sts:SetSourceIdentity', roleArn);
  const sourceIdentity = parent?.sourceIdentity ?? p.SourceIdentity;

  const session = ctx.sessions.issue({
    account: role.account,
    partition: role.partition,
    roleArn,
    roleName: role.name,
    sessionName: p.RoleSessionName,
    sourceIdentity,
    expiresAtMs: ctx.clock.now() + durationSeconds * 1000,
  });
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: isoSeconds(session.expiresAtMs),
    },
    AssumedRoleUser: { AssumedRoleId: assumedRoleId(session), Arn: assumedRoleArn(session) },
    SourceIdentity: sourceIdentity,
  };
};
