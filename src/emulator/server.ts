/**
 * HTTP wiring. `POST /` speaks two AWS protocols on one endpoint, as the request says: AWS JSON 1.1
 * (an X-Amz-Target) is FSx, the query protocol (a form body, or a SigV4 scope for `sts`) is STS.
 * `/_emulator/*` is the admin API; `GET /` answers something harmless (or STS, given an Action).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AdminDeps, handleAdmin, plainJson } from './admin';
import { type FsxEndpointDeps, handleFsx } from './fsx-endpoint';
import { OPERATIONS } from './operations';
import { writeError, writeJson } from './protocol/aws-json';
import { FsxError } from './protocol/errors';
import { credentialScope } from './protocol/sigv4';
import { handleSts, type StsEndpointDeps } from './sts/endpoint';
import { isQueryRequest } from './sts/query-protocol';

export type ServerDeps = FsxEndpointDeps & StsEndpointDeps & AdminDeps;

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
    const sts = path === '/' && (req.method === 'POST' || req.method === 'GET') && isQueryRequest(req, credentialScope(req)?.service);
    if (sts) return void done(handleSts(req, res, deps, requestId));
    if (path === '/' && req.method === 'POST') return void done(handleFsx(req, res, deps, requestId));
    if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      req.resume();
      return plainJson(res, 200, {
        service: 'fsx-emulator',
        protocol: 'AWS JSON 1.1: POST / with X-Amz-Target: AWSSimbaAPIService_v20180301.<Operation>',
        operations: Object.keys(OPERATIONS),
        sts: 'AWS query protocol: POST / with Action=AssumeRole|GetCallerIdentity&Version=2011-06-15 (form-encoded)',
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
