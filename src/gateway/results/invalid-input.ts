import type { InPlace } from '../fsx/placed';
import { FieldError, InvalidInput, result } from './error-result';

/** The gateway's own refusal: nothing was sent to FSx. The message names the first failure and counts the rest. */
export function invalidInput(fieldErrors: FieldError[]): InvalidInput {
  const first = fieldErrors[0];
  const message = first ? `${first.path.join('.')}: ${first.message}` : 'Invalid input';
  return result(InvalidInput, {
    message: fieldErrors.length > 1 ? `${message} (and ${fieldErrors.length - 1} more)` : message,
    retryable: false,
    requestId: null,
    fieldErrors,
  });
}

export function fieldError(path: string[], constraint: string, message: string): FieldError {
  return result(FieldError, { path, constraint, message });
}

/** A region argument naming a region the gateway does not serve: refused like any other bad argument. */
export function regionNotServed(path: string[], served: readonly string[]): InvalidInput {
  return invalidInput([fieldError(path, 'isServedRegion', `region must be one this gateway serves: ${served.join(', ')}`)]);
}

/**
 * An account argument naming an account the gateway does not serve, or one the caller's credential
 * may not use: one refusal for both, so a caller cannot learn which accounts exist.
 */
export function accountNotServed(path: string[]): InvalidInput {
  return invalidInput([fieldError(path, 'isServedAccount', 'account must be one this gateway serves to you (Query.accounts lists them)')]);
}

/**
 * Runs `use` on the service of the place `account` and `region` name (each defaulting to the caller's),
 * or refuses an account or region not served as InvalidInput at `path` + account, or + `regionField`.
 */
export function inPlace<S, R>(
  services: InPlace<S>,
  account: string | null | undefined,
  region: string | null | undefined,
  path: string[],
  use: (service: S) => R,
  regionField = 'region',
): R | InvalidInput {
  const found = services.at(account, region);
  if ('service' in found) return use(found.service);
  return found.refused === 'account' ? accountNotServed([...path, 'account']) : regionNotServed([...path, regionField], found.served);
}

/** A forged, altered or misapplied `after` cursor. */
export function invalidCursor(reason: string): InvalidInput {
  return invalidInput([fieldError(['after'], 'cursor', reason)]);
}
