import { GraphQLError } from 'graphql';
import * as results from '../results/error-result';
import { type ErrorSubject, mapFsxError } from './map-fsx-error';

/** What a field without a result union can report of a failed FSx call (the rest is FsxServiceError with the code). */
const REPORTED: ReadonlySet<results.ResultType> = new Set([results.Throttled, results.InternalServerError, results.BadRequest]);

/**
 * For a field that answers plain data, not a result union (FileSystem.storageVirtualMachines): an FSx
 * failure as a top-level error with `extensions.code` FSX_ERROR, the result type it would be
 * (`fsxError`: Throttled, InternalServerError, FsxServiceError...), `retryable` and FSx's `requestId`.
 * Not INTERNAL_SERVER_ERROR: it is FSx's answer, not a bug, and is neither masked nor logged as one.
 * Anything that is not an FSx answer is rethrown (mapFsxError's rule).
 */
export function fsxErrorAsGraphQLError(error: unknown, subject: ErrorSubject): GraphQLError {
  const mapped = mapFsxError(error, subject, REPORTED);
  return new GraphQLError(mapped.message, {
    extensions: { code: 'FSX_ERROR', fsxError: mapped.constructor.name, retryable: mapped.retryable, requestId: mapped.requestId ?? null },
  });
}
