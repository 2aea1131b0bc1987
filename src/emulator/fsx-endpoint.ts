/**
 * FSx's API on `POST /`: AWS JSON 1.1 in, a handler of OPERATIONS for the request's account and
 * region, AWS JSON 1.1 out. Around the handler: the call log, the credentials check, throttling,
 * faults, housekeeping and durability.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallLog } from './call-log';
import type { FaultInjector } from './faults';
import { housekeep } from './housekeeping';
import { partitionOf } from './ids';
import type { Clock } from './lifecycle';
import type { OperationContexts } from './operation-contexts';
import { OPERATIONS } from './operations';
import type { Persistence } from './persistence';
import { BodyTooLarge, operationFromTarget, parseInput, readBody, writeError, writeSuccess } from './protocol/aws-json';
import { FsxError } from './protocol/errors';
import { signedRegion } from './protocol/sigv4';
import { identify, type Refusal } from './sts/caller';
import type { RoleSessions } from './sts/sessions';
import type { Throttle } from './throttle';

export interface FsxEndpointDeps {
  contexts: OperationContexts;
  defaultAccount: string;
  /** Every served region, the default first. */
  regionNames: readonly string[];
  sessions: RoleSessions;
  clock: Clock;
  calls: CallLog;
  faults: FaultInjector;
  throttle?: Throttle;
  persistence?: Persistence;
  log: boolean;
}

/** What AWS services answer credentials they refuse, in AWS JSON 1.1. */
const refused = (refusal: Refusal): FsxError =>
  refusal === 'expired'
    ? new FsxError('ExpiredTokenException', 'The security token included in the request is expired')
    : new FsxError('UnrecognizedClientException', 'The security token included in the request is invalid.');

export async function handleFsx(req: IncomingMessage, res: ServerResponse, deps: FsxEndpointDeps, requestId: string): Promise<void> {
  let operation = '';
  try {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) throw new FsxError('SerializationException', 'Request body is too large.');
      throw e;
    }
    const target = operationFromTarget(req.headers['x-amz-target']);
    operation = target.operation;
    let input: Record<string, unknown> | undefined;
    let parseError: FsxError | undefined;
    try {
      input = parseInput(body);
    } catch (e) {
      parseError = e as FsxError; // parseInput throws nothing else
    }
    // The region is the request's credential scope; unsigned requests go to the default region.
    const region = signedRegion(req) ?? deps.regionNames[0];
    // The account is its credentials': an STS-issued key's role account, else the first account.
    const { caller, refusal } = identify(req, {
      sessions: deps.sessions,
      defaultAccount: deps.defaultAccount,
      partition: partitionOf(region),
      nowMs: deps.clock.now(),
    });
    // Record first: the gateway's tests count every upstream call, failed ones included.
    deps.calls.push({
      service: 'fsx',
      operation,
      input: input ?? body.toString('utf8'),
      region,
      requestId,
      account: caller.account,
      sourceIdentity: caller.sourceIdentity ?? null,
    });
    if (refusal) throw refused(refusal);
    const ctx = deps.contexts.get(caller.account, region);
    if (!ctx) {
      // What an FSx endpoint answers a request signed for another region, naming what this one serves.
      throw new FsxError(
        'InvalidSignatureException',
        `Credential should be scoped to a valid region, not '${region}'. This emulator serves: ${deps.regionNames.join(', ')}.`,
      );
    }

    const handler = target.known ? OPERATIONS[operation] : undefined;
    if (!handler || !Object.prototype.hasOwnProperty.call(OPERATIONS, operation)) {
      throw new FsxError(
        'UnknownOperationException',
        operation ? `Operation ${operation} is not supported by this emulator.` : 'Missing X-Amz-Target header.',
      );
    }
    if (parseError) throw parseError;
    // FSx's API rate limits are per account and region.
    if (deps.throttle && !deps.throttle.take(`${caller.account}/${region}`)) throw new FsxError('ThrottlingException', 'Rate exceeded');
    // Faults strike before the handler runs: an injected error never leaves state behind.
    const injectedFailure = await deps.faults.apply(operation);
    // What FSx does on its own (automatic backups, retention, finished deletions) is caught up to the clock first.
    for (const each of deps.contexts.all()) housekeep(each);
    const output = handler(input!, injectedFailure ? { ...ctx, injectedFailure } : ctx);
    // Answer only once the change is durable. Reads wait too, so nobody sees what a crash could undo.
    if (deps.persistence) await deps.persistence.flush();
    writeSuccess(res, requestId, output);
    if (deps.log) process.stderr.write(`${operation} 200 ${requestId}\n`);
  } catch (e) {
    const error: FsxError =
      e instanceof FsxError ? (e as FsxError) : new FsxError('InternalServerError', 'The emulator failed to process the request.', 500);
    if (!(e instanceof FsxError))
      process.stderr.write(`fsx-emulator: ${operation || 'request'} failed: ${(e as Error)?.stack ?? String(e)}\n`);
    writeError(res, requestId, error);
    if (deps.log) process.stderr.write(`${operation} ${error.status} ${error.code} ${requestId}\n`);
  }
}
