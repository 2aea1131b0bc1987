import { FsxServiceError, result } from './error-result';

/** An FSx answer without what makes it usable: reported, never half-shown. */
export const malformedAnswer = (operation: string, missing: string): FsxServiceError =>
  result(FsxServiceError, {
    code: 'MalformedResponse',
    message: `FSx answered ${operation} without ${missing}`,
    retryable: false,
    requestId: null,
  });
