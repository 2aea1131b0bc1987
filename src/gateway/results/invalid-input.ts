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

/** A forged, altered or misapplied `after` cursor. */
export function invalidCursor(reason: string): InvalidInput {
  return invalidInput([fieldError(['after'], 'cursor', reason)]);
}
