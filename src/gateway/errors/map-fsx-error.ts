import * as fsx from '@aws-sdk/client-fsx';
import { type Constraint, FSX } from '../../fsx-model';
import { AccountCredentialsUnavailable } from '../fsx/assumed-roles';
import { CallBudgetExceeded } from '../fsx/call-budget';
import type { ActiveDirectoryErrorType, ServiceLimit } from '../fsx/enums.generated';
import * as results from '../results/error-result';
import { type ErrorResult, type ResultType, result } from '../results/error-result';
import {
  type NotFoundWhere,
  backupNotFound,
  fileSystemNotFound,
  storageVirtualMachineNotFound,
  volumeNotFound,
} from '../results/not-found';

/** What the caller knew when FSx refused: used to fill the typed result's specifics FSx does not model. */
export interface ErrorSubject {
  fileSystemId?: string;
  backupId?: string;
  volumeId?: string;
  storageVirtualMachineId?: string;
  /** The region the call went to: not-found results say where the gateway looked. */
  region?: string;
}

type Base = Pick<ErrorResult, 'message' | 'requestId'>;
type Build<E extends fsx.FSxServiceException> = (error: E, subject: ErrorSubject, base: Base) => ErrorResult;
type Entry = { type: abstract new (...args: never[]) => fsx.FSxServiceException; build: Build<never> };
const on = <E extends fsx.FSxServiceException>(type: abstract new (...args: never[]) => E, build: Build<E>): Entry => ({
  type,
  build: build,
});

/**
 * THE table: FSx error (the SDK's own exception class) → typed GraphQL result. Every FSx failure the
 * gateway reports passes here. FSx names the resource in BackupInProgress and the *NotFound errors
 * only in its message, so the id comes from the caller's input, or from the message.
 */
const FSX_ERRORS: readonly Entry[] = [
  on(fsx.BackupInProgress, (e, s, base) =>
    result(results.BackupInProgress, {
      ...base,
      retryable: true,
      fileSystemId: s.fileSystemId ?? idIn(e.message, FILE_SYSTEM_ID),
      volumeId: s.volumeId ?? '',
    }),
  ),
  on(fsx.BackupRestoring, (e, _s, base) =>
    result(results.BackupRestoring, { ...base, retryable: true, restoringFileSystemId: e.FileSystemId ?? null }),
  ),
  on(fsx.BackupBeingCopied, (_e, _s, base) => result(results.BackupBeingCopied, { ...base, retryable: true })),
  on(fsx.BadRequest, (_e, _s, base) => result(results.BadRequest, { ...base, retryable: false })),
  // Not found: in the gateway's own words (the same whether FSx said it or the caller may not see it), where it looked, and the call's request id.
  on(fsx.FileSystemNotFound, (e, s, base) => fileSystemNotFound(s.fileSystemId ?? idIn(e.message, FILE_SYSTEM_ID), where(s, base))),
  on(fsx.BackupNotFound, (e, s, base) => backupNotFound(s.backupId ?? idIn(e.message, BACKUP_ID), where(s, base))),
  on(fsx.VolumeNotFound, (e, s, base) => volumeNotFound(s.volumeId ?? idIn(e.message, VOLUME_ID), where(s, base))),
  // TagResource/UntagResource: the resource of the ARN is gone; the caller named the backup (or file system, volume).
  on(fsx.ResourceNotFound, (e, s, base) => resourceNotFound(s, e.ResourceARN ?? e.message, base)),
  on(fsx.StorageVirtualMachineNotFound, (e, s, base) =>
    storageVirtualMachineNotFound(s.storageVirtualMachineId ?? idIn(e.message, STORAGE_VIRTUAL_MACHINE_ID), where(s, base)),
  ),
  on(fsx.MissingVolumeConfiguration, (_e, _s, base) => result(results.MissingVolumeConfiguration, { ...base, retryable: false })),
  on(fsx.IncompatibleParameterError, (e, _s, base) =>
    result(results.IncompatibleParameterError, { ...base, retryable: false, parameter: e.Parameter ?? null }),
  ),
  on(fsx.InternalServerError, (_e, _s, base) => result(results.InternalServerError, { ...base, retryable: true })),
  on(fsx.ServiceLimitExceeded, (e, _s, base) =>
    result(results.ServiceLimitExceeded, { ...base, retryable: false, limit: (e.Limit ?? null) as ServiceLimit | null }),
  ),
  on(fsx.UnsupportedOperation, (_e, _s, base) => result(results.UnsupportedOperation, { ...base, retryable: false })),
  on(fsx.SourceBackupUnavailable, (e, s, base) =>
    result(results.SourceBackupUnavailable, { ...base, retryable: true, backupId: e.BackupId ?? s.backupId ?? idIn(e.message, BACKUP_ID) }),
  ),
  on(fsx.InvalidRegion, (_e, _s, base) => result(results.InvalidRegion, { ...base, retryable: false })),
  on(fsx.IncompatibleRegionForMultiAZ, (_e, _s, base) => result(results.IncompatibleRegionForMultiAZ, { ...base, retryable: false })),
  on(fsx.InvalidSourceKmsKey, (_e, _s, base) => result(results.InvalidSourceKmsKey, { ...base, retryable: false })),
  on(fsx.InvalidDestinationKmsKey, (_e, _s, base) => result(results.InvalidDestinationKmsKey, { ...base, retryable: false })),
  on(fsx.MissingFileSystemConfiguration, (_e, _s, base) => result(results.MissingFileSystemConfiguration, { ...base, retryable: false })),
  on(fsx.InvalidNetworkSettings, (e, _s, base) =>
    result(results.InvalidNetworkSettings, {
      ...base,
      retryable: false,
      invalidSubnetId: e.InvalidSubnetId ?? null,
      invalidSecurityGroupId: e.InvalidSecurityGroupId ?? null,
      invalidRouteTableId: e.InvalidRouteTableId ?? null,
    }),
  ),
  on(fsx.ActiveDirectoryError, (e, _s, base) =>
    result(results.ActiveDirectoryError, {
      ...base,
      retryable: false,
      activeDirectoryId: e.ActiveDirectoryId ?? null,
      type: (e.Type ?? null) as ActiveDirectoryErrorType | null,
    }),
  ),
  on(fsx.InvalidPerUnitStorageThroughput, (_e, _s, base) => result(results.InvalidPerUnitStorageThroughput, { ...base, retryable: false })),
];

const where = (s: ErrorSubject, base: Base): NotFoundWhere => ({ region: s.region, requestId: base.requestId });

/** The not-found result of the resource the caller named (else the file system the text names). */
const resourceNotFound = (s: ErrorSubject, text: string, base: Base): ErrorResult =>
  s.backupId
    ? backupNotFound(s.backupId, where(s, base))
    : s.volumeId
      ? volumeNotFound(s.volumeId, where(s, base))
      : fileSystemNotFound(s.fileSystemId ?? idIn(text, FILE_SYSTEM_ID), where(s, base));

/** Codes FSx does not model, which compatible endpoints answer: moto (and older LocalStack) say ResourceNotFoundException. */
const FOREIGN_ERRORS: Record<string, Build<fsx.FSxServiceException>> = {
  ResourceNotFoundException: (e, s, base) => resourceNotFound(s, e.message, base),
  // Not in FSx's model, yet what FSx (and every AWS API) answers over its rate: the SDK's retries did not outlast it.
  ThrottlingException: (_e, _s, base) => result(results.Throttled, { ...base, retryable: true, retryAfterSeconds: 1 }),
};

/** Error names that mean FSx was never heard from: timeouts, refused or reset connections. */
const TRANSPORT_ERRORS = new Set(['TimeoutError', 'AbortError', 'RequestTimeout', 'RequestTimeoutException']);

/** What the SDK stamps on anything that passed through its stack; `httpStatusCode` only when a response arrived. */
type Stamped = { name?: string; message?: string; code?: unknown; $metadata?: { httpStatusCode?: number; requestId?: string } };

/**
 * Maps anything the FSx client threw to a typed result. `allowed` is the set of result types the
 * field's union can carry; an error outside it (or an unknown code) becomes FsxServiceError, so no
 * FSx answer can make a union fail to resolve. Anything that is neither an FSx answer nor a
 * transport failure is a bug and is rethrown.
 */
export function mapFsxError(error: unknown, subject: ErrorSubject, allowed: ReadonlySet<ResultType>): ErrorResult {
  const e = (error ?? {}) as Stamped;
  const requestId = e.$metadata?.requestId ?? null;
  const message = e.message || e.name || 'FSx request failed';
  if (error instanceof CallBudgetExceeded) {
    const fields = { message: error.message, retryable: true, requestId: null };
    // Never "FSx did not answer": FSx was not asked (the SDK stamps $metadata on it all the same).
    return allowed.has(results.Throttled)
      ? result(results.Throttled, { ...fields, retryAfterSeconds: error.retryAfterSeconds })
      : result(results.InternalServerError, fields);
  }
  if (error instanceof AccountCredentialsUnavailable) return credentialsUnavailable(error);
  if (!e.$metadata?.httpStatusCode) {
    if (!isTransportFailure(e)) throw error;
    return result(results.InternalServerError, { message: `FSx did not answer: ${message}`, retryable: true, requestId });
  }
  if (error instanceof fsx.FSxServiceException) {
    const build = FSX_ERRORS.find((entry) => error instanceof entry.type)?.build ?? FOREIGN_ERRORS[error.name];
    const mapped = build?.(error as never, subject, { message, requestId });
    if (mapped && allowed.has(mapped.constructor as ResultType)) return mapped;
  }
  // A code this gateway does not know, or an answer the SDK could not read (e.g. a proxy's HTML page).
  const exception = error as Partial<fsx.FSxServiceException>;
  return result(results.FsxServiceError, {
    message,
    requestId,
    code: e.name || 'Unknown',
    retryable: exception.$fault === 'server' || Boolean(exception.$retryable) || /throttl/i.test(e.name ?? ''),
  });
}

/**
 * STS refused the role of the account (a wrong external id, a trust policy that does not trust the
 * gateway or lacks sts:SetSourceIdentity): FsxServiceError with STS's code and a message naming the
 * account and the code alone (STS's message names the gateway's ARN; it is logged), not retryable
 * (an operator must fix the role). STS throttling or failing (5xx): retryable. STS not answering:
 * InternalServerError, retryable, as FSx not answering is.
 */
function credentialsUnavailable(error: AccountCredentialsUnavailable): ErrorResult {
  const fields = { message: error.message, requestId: null, retryable: error.retryable };
  return error.code ? result(results.FsxServiceError, { ...fields, code: error.code }) : result(results.InternalServerError, fields);
}

/** The model's id patterns without their anchors, to find an id inside a message. */
const unanchored = (constraint: Constraint) => new RegExp(constraint.pattern!.source.replace(/^\^/, '').replace(/\$$/, ''));
const FILE_SYSTEM_ID = unanchored(FSX.FileSystemId);
const BACKUP_ID = unanchored(FSX.BackupId);
const VOLUME_ID = unanchored(FSX.VolumeId);
const STORAGE_VIRTUAL_MACHINE_ID = unanchored(FSX.StorageVirtualMachineId);

/** The id FSx names in its message, or '' when it names none. */
function idIn(message: string, pattern: RegExp): string {
  return pattern.exec(message)?.[0] ?? '';
}

function isTransportFailure(e: Stamped): boolean {
  return '$metadata' in e || TRANSPORT_ERRORS.has(e.name ?? '') || (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code));
}
