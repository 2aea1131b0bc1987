import { ServiceLimit } from '../fsx/enums.generated';
import {
  BackupBeingCopied, BackupInProgress, BackupRestoring, BadRequest, ErrorResult, FsxServiceError, IncompatibleParameterError, InternalServerError,
  ServiceLimitExceeded, UnsupportedOperation, result,
} from '../results/error-result';
import { backupNotFound, fileSystemNotFound } from '../results/not-found';

/** What the caller knew when FSx refused: used to fill the typed result's specifics. */
export interface ErrorSubject {
  fileSystemId?: string;
  backupId?: string;
}

interface SdkError {
  name?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  Limit?: string;
  Parameter?: string;
  FileSystemId?: string;
  BackupId?: string;
}

type Build = (e: SdkError, subject: ErrorSubject, base: Pick<ErrorResult, 'message' | 'requestId'>) => ErrorResult;

/** THE table: FSx error code → typed GraphQL result. Every FSx failure the gateway reports passes here. */
const FSX_ERRORS: Record<string, Build> = {
  BackupInProgress: (e, s, base) =>
    result(BackupInProgress, { ...base, retryable: true, fileSystemId: e.FileSystemId ?? s.fileSystemId ?? idIn(base.message, FILE_SYSTEM_ID) }),
  BackupRestoring: (e, _s, base) => result(BackupRestoring, { ...base, retryable: true, restoringFileSystemId: e.FileSystemId ?? null }),
  BackupBeingCopied: (_e, _s, base) => result(BackupBeingCopied, { ...base, retryable: true }),
  BadRequest: (_e, _s, base) => result(BadRequest, { ...base, retryable: false }),
  FileSystemNotFound: (e, s, base) => fileSystemNotFound(e.FileSystemId ?? s.fileSystemId ?? idIn(base.message, FILE_SYSTEM_ID)),
  BackupNotFound: (e, s, base) => backupNotFound(e.BackupId ?? s.backupId ?? idIn(base.message, BACKUP_ID)),
  IncompatibleParameterError: (e, _s, base) =>
    result(IncompatibleParameterError, { ...base, retryable: false, parameter: e.Parameter ?? null }),
  InternalServerError: (_e, _s, base) => result(InternalServerError, { ...base, retryable: true }),
  ServiceLimitExceeded: (e, _s, base) =>
    result(ServiceLimitExceeded, { ...base, retryable: false, limit: (e.Limit ?? null) as ServiceLimit | null }),
  UnsupportedOperation: (_e, _s, base) => result(UnsupportedOperation, { ...base, retryable: false }),
  // moto (and older LocalStack) answer a missing file system or backup with the generic code.
  ResourceNotFoundException: (e, s, base) => (s.backupId ? FSX_ERRORS.BackupNotFound : FSX_ERRORS.FileSystemNotFound)(e, s, base),
};

/** Error names that mean FSx was never heard from: timeouts, refused or reset connections. */
const TRANSPORT_ERRORS = new Set(['TimeoutError', 'AbortError', 'RequestTimeout', 'RequestTimeoutException']);

/**
 * Maps anything the FSx client threw to a typed result. `allowed` is the set of result types the
 * field's union can carry; an error outside it (or an unknown code) becomes FsxServiceError, so no
 * FSx answer can make a union fail to resolve.
 */
export function mapFsxError(error: unknown, subject: ErrorSubject, allowed: ReadonlySet<Function>): ErrorResult {
  const e = (error ?? {}) as SdkError;
  const requestId = e.$metadata?.requestId ?? null;
  const message = e.message || e.name || 'FSx request failed';

  if (!e.$metadata?.httpStatusCode && !isTransportFailure(e)) throw error; // a bug, not an FSx answer
  if (isTransportFailure(e)) {
    return result(InternalServerError, { message: `FSx did not answer: ${message}`, retryable: true, requestId });
  }
  const build = e.name ? FSX_ERRORS[e.name] : undefined;
  if (build) {
    const mapped = build(e, subject, { message, requestId });
    if (allowed.has(mapped.constructor)) return mapped;
  }
  return result(FsxServiceError, {
    message,
    requestId,
    code: e.name || 'Unknown',
    retryable: e.$fault === 'server' || Boolean(e.$retryable) || /throttl/i.test(e.name ?? ''),
  });
}

const FILE_SYSTEM_ID = /fs-[0-9a-f]{8,}/;
const BACKUP_ID = /backup-[0-9a-f]{8,}/;

/** FSx names the resource in its message, not in a member: the id, or '' when it does not. */
function idIn(message: string, pattern: RegExp): string {
  return pattern.exec(message)?.[0] ?? '';
}

/**
 * FSx never answered: refused or reset connections, timeouts, aborts. The SDK stamps $metadata on
 * everything that passed through its stack, with an HTTP status only when a response arrived.
 */
function isTransportFailure(e: SdkError & { code?: string }): boolean {
  if (e.$metadata?.httpStatusCode) return false;
  return '$metadata' in e || TRANSPORT_ERRORS.has(e.name ?? '') || (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code));
}
