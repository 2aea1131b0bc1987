/**
 * HTTP wiring: `POST /` speaks AWS JSON 1.1; `/_emulator/*` is an admin API outside the AWS
 * protocol so another process can steer a standalone emulator; `GET /` answers something harmless.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CallLog } from './call-log';
import type { OperationContext } from './context';
import { parseFaultSpec, type FaultInjector, type FaultRule } from './faults';
import type { Throttle } from './throttle';
import { housekeep } from './housekeeping';
import { OPERATIONS } from './operations';
import type { Persistence } from './persistence';
import { BodyTooLarge, operationFromTarget, parseInput, readBody, writeError, writeJson, writeSuccess } from './protocol/aws-json';
import { FsxError } from './protocol/errors';
import { signedRegion } from './protocol/sigv4';
import type { RegionStores } from './regions';

interface ServerDeps {
  /** One context per served region. */
  contexts: ReadonlyMap<string, OperationContext>;
  regions: RegionStores;
  calls: CallLog;
  faults: FaultInjector;
  throttle?: Throttle;
  persistence?: Persistence;
  reset(): Promise<void>;
  log: boolean;
}

const plainJson = (res: ServerResponse, status: number, body: unknown): void => {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
};

async function handleAws(req: IncomingMessage, res: ServerResponse, deps: ServerDeps, requestId: string): Promise<void> {
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
    const region = signedRegion(req) ?? deps.regions.defaultRegion;
    // Record first: the gateway's tests count every upstream call, failed ones included.
    deps.calls.push({ operation, input: input ?? body.toString('utf8'), region, requestId });
    const ctx = deps.contexts.get(region);
    if (!ctx) {
      // What an FSx endpoint answers a request signed for another region, naming what this one serves.
      throw new FsxError(
        'InvalidSignatureException',
        `Credential should be scoped to a valid region, not '${region}'. This emulator serves: ${deps.regions.names.join(', ')}.`,
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
    if (deps.throttle && !deps.throttle.take(region)) throw new FsxError('ThrottlingException', 'Rate exceeded');
    // Faults strike before the handler runs: an injected error never leaves state behind.
    const injectedFailure = await deps.faults.apply(operation);
    // What FSx does on its own (automatic backups, retention, finished deletions) is caught up to the clock first.
    for (const regionCtx of deps.contexts.values()) housekeep(regionCtx);
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

async function handleAdmin(req: IncomingMessage, res: ServerResponse, deps: ServerDeps, path: string): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path}`;
  switch (route) {
    case 'GET /_emulator/health': {
      const regions = deps.regions.counts();
      const defaultRegion = deps.regions.defaultRegion;
      return plainJson(res, 200, {
        status: 'ok',
        region: defaultRegion,
        accountId: deps.contexts.get(defaultRegion)!.accountId,
        // The default region's counts; `regions` has every region's.
        ...regions[defaultRegion],
        regions,
        calls: deps.calls.length,
        faults: deps.faults.list(),
      });
    }
    case 'POST /_emulator/reset':
      await deps.reset();
      return plainJson(res, 200, { status: 'reset' });
    case 'GET /_emulator/faults':
      return plainJson(res, 200, { rules: deps.faults.list() });
    case 'DELETE /_emulator/faults':
      deps.faults.clear();
      return plainJson(res, 200, { rules: [] });
    case 'POST /_emulator/faults':
    case 'PUT /_emulator/faults': {
      const text = (await readBody(req)).toString('utf8').trim();
      try {
        let rules: FaultRule[];
        if (text.startsWith('[') || text.startsWith('{')) {
          const parsed = JSON.parse(text) as FaultRule[] | { rules?: FaultRule[]; spec?: string };
          rules = Array.isArray(parsed) ? parsed : parsed.spec !== undefined ? parseFaultSpec(parsed.spec) : (parsed.rules ?? []);
          if (!Array.isArray(rules)) throw new Error('rules must be a list');
        } else {
          rules = parseFaultSpec(text);
        }
        deps.faults.set(rules);
      } catch (e) {
        return plainJson(res, 400, { error: (e as Error).message });
      }
      return plainJson(res, 200, { rules: deps.faults.list() });
    }
    case 'GET /_emulator/calls':
      return plainJson(res, 200, { calls: [...deps.calls] });
    case 'DELETE /_emulator/calls':
      deps.calls.clear();
      return plainJson(res, 200, { calls: [] });
    default:
      return plainJson(res, 404, {
        error: `No admin route ${route}.`,
        routes: ['GET /_emulator/health', 'POST /_emulator/reset', 'GET|POST|DELETE /_emulator/faults', 'GET|DELETE /_emulator/calls'],
      });
  }
}

export function createEmulatorServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    const requestId = randomUUID();
    const path = (req.url ?? '/').split('?')[0];
    const done = (p: Promise<void>) =>
      p.catch((e: unknown) => {
        process.stderr.write(`fsx-emulator: unexpected failure: ${(e as Error)?.stack ?? String(e)}\n`);
        if (!res.headersSent) writeError(res, requestId, new FsxError('InternalServerError', 'Unexpected emulator failure.', 500));
        else res.destroy();
      });
    if (path.startsWith('/_emulator/')) return void done(handleAdmin(req, res, deps, path));
    if (path === '/' && req.method === 'POST') return void done(handleAws(req, res, deps, requestId));
    if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      req.resume();
      return plainJson(res, 200, {
        service: 'fsx-emulator',
        protocol: 'AWS JSON 1.1: POST / with X-Amz-Target: AWSSimbaAPIService_v20180301.<Operation>',
        operations: Object.keys(OPERATIONS),
        admin: '/_emulator/health',
      });
    }
    req.resume();
    writeJson(res, path === '/' ? 405 : 404, requestId, {
      __type: path === '/' ? 'MethodNotAllowed' : 'NotFound',
      Message: path === '/' ? `Method ${req.method} is not allowed; use POST.` : `No route ${path}.`,
    });
  });
}
