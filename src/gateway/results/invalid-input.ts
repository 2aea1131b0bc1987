import type { InRegion } from '../fsx/fsx-regions';
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

/** Runs `use` on the service of `region`, or refuses a region not served as InvalidInput at `path`. */
export function inRegion<S, R>(
  services: InRegion<S>,
  region: string | null | undefined,
  path: string[],
  use: (service: S) => R,
): R | InvalidInput {
  const service = services.in(region);
  return service ? use(service) : regionNotServed(path, services.names);
}

/** A forged, altered or misapplied `after` cursor. */
export function invalidCursor(reason: string): InvalidInput {
  return invalidInput([fieldError(['after'], 'cursor', reason)]);
}
