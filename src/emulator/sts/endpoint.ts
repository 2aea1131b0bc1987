/**
 * STS on the emulator's endpoint: AssumeRole and GetCallerIdentity in the AWS query protocol, so the
 * AWS SDKs' STS clients, credential providers and the AWS CLI work against it. Requests are in the
 * call log like FSx's (service 'sts'); faults, throttling and the data file do not apply to them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallLog } from '../call-log';
import { partitionOf } from '../ids';
import type { Clock } from '../lifecycle';
import { BodyTooLarge, readBody } from '../protocol/aws-json';
import { signedRegion } from '../protocol/sigv4';
import { assumeRole } from './assume-role';
import { identify } from './caller';
import type { StsAction } from './context';
import { StsError } from './errors';
import { getCallerIdentity } from './get-caller-identity';
import { queryParameters, STS_VERSION, writeQueryError, writeQuerySuccess } from './query-protocol';
import type { RoleSessions } from './sessions';

export interface StsEndpointDeps {
  /** The accounts served, the first the default. */
  accountIds: readonly string[];
  defaultRegion: string;
  sessions: RoleSessions;
  clock: Clock;
  roleExternalIds: Readonly<Record<string, string>>;
  calls: CallLog;
  log: boolean;
}

const STS_ACTIONS: Readonly<Record<string, StsAction>> = { AssumeRole: assumeRole, GetCallerIdentity: getCallerIdentity };

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** What the call log keeps of a request: its members, not the protocol's (Action, Version) nor a presigned URL's signature. */
const inputOf = (params: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'Action' && key !== 'Version' && !key.startsWith('X-Amz-')));

export async function handleSts(req: IncomingMessage, res: ServerResponse, deps: StsEndpointDeps, requestId: string): Promise<void> {
  let action = '';
  try {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) throw new StsError('ValidationError', 'Request body is too large.');
      throw e;
    }
    const params = queryParameters(req, body);
    action = params.Action ?? '';
    const region = signedRegion(req) ?? deps.defaultRegion;
    const { caller, refusal } = identify(req, {
      sessions: deps.sessions,
      defaultAccount: deps.accountIds[0],
      partition: partitionOf(region),
      nowMs: deps.clock.now(),
    });
    deps.calls.push({
      service: 'sts',
      operation: action,
      input: inputOf(params),
      region,
      requestId,
      account: caller.account,
      sourceIdentity: caller.sourceIdentity ?? null,
    });
    // Credentials are checked before anything else, as AWS authenticates before it dispatches.
    if (refusal === 'expired') throw new StsError('ExpiredTokenException', 'The security token included in the request is expired');
    if (refusal === 'invalid') throw new StsError('InvalidClientTokenId', 'The security token included in the request is invalid.');
    if (!action) throw new StsError('MissingAction', 'The request is missing an action or a required parameter.');
    if (!own(STS_ACTIONS, action) || params.Version !== STS_VERSION) {
      throw new StsError('InvalidAction', `Could not find operation ${action} for version ${params.Version ?? 'NO_VERSION_SPECIFIED'}`);
    }
    const result = STS_ACTIONS[action](params, {
      caller,
      accounts: deps.accountIds,
      sessions: deps.sessions,
      clock: deps.clock,
      roleExternalIds: deps.roleExternalIds,
    });
    writeQuerySuccess(res, requestId, action, result);
    if (deps.log) process.stderr.write(`sts:${action} 200 ${requestId}\n`);
  } catch (e) {
    const error = e instanceof StsError ? e : new StsError('InternalFailure', 'The emulator failed to process the request.');
    if (!(e instanceof StsError))
      process.stderr.write(`fsx-emulator: sts:${action || 'request'} failed: ${(e as Error)?.stack ?? String(e)}\n`);
    writeQueryError(res, requestId, error);
    if (deps.log) process.stderr.write(`sts:${action} ${error.status} ${error.code} ${requestId}\n`);
  }
}
