import { useEffect, useState } from 'react';
import { errorTitle } from './error-titles';
import { fieldErrorText, fieldKey } from './field-labels';

export interface FieldError {
  path: readonly string[];
  message: string;
}

/** What the console reads of any typed failure (the ErrorFields fragment, and a few specifics). */
export interface ErrorLike {
  __typename: string;
  message: string;
  retryable: boolean;
  requestId?: string | null;
  /** Throttled: seconds before the same request may succeed. */
  retryAfterSeconds?: number;
  /** InvalidInput: what is wrong with which field. */
  fieldErrors?: readonly FieldError[];
  /** FsxServiceError: the FSx error code this console has no words for. */
  code?: string;
  /** Forbidden: the scopes the credentials lack. */
  missingScopes?: readonly string[];
}

/** Seconds left of `seconds`, counting down from when `key` last changed (0 when there is nothing to wait for). */
function useCountdown(seconds: number | undefined, key: unknown): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    setLeft(seconds ?? 0);
    if (!seconds) return undefined;
    const until = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [seconds, key]);
  return left;
}

/** The details a failure carries beyond its message, in words. */
function details(error: ErrorLike): string | null {
  if (error.missingScopes?.length) return `Missing scope: ${error.missingScopes.join(', ')}.`;
  if (error.code) return `FSx error code ${error.code}.`;
  return null;
}

/**
 * A typed failure: its title in words (error-titles.ts), the gateway's message, and a Retry button
 * when the gateway says a retry may succeed. InvalidInput lists its field errors by the fields'
 * labels ("Tag 1 key: …"), leaving out those a form shows on the field itself (`onField`).
 */
export function ErrorResultBox({
  error,
  onRetry,
  busy,
  onField,
  onDismiss,
}: {
  error: ErrorLike;
  onRetry?: () => void;
  busy?: boolean;
  onField?: (key: string) => boolean;
  /** For a failure nothing else clears (an action's, shown above a list): a Dismiss button. */
  onDismiss?: () => void;
}) {
  // Throttled says when a retry may succeed: the button waits until then.
  const wait = useCountdown(error.retryAfterSeconds, error);
  const fieldErrors = error.fieldErrors ?? [];
  const listed = fieldErrors.filter((e) => !onField?.(fieldKey(e.path)));
  const more = details(error);
  return (
    <div className="alert alert-error" role="alert">
      <div>
        <strong>{errorTitle(error.__typename)}</strong>
        {fieldErrors.length > 0 ? (
          listed.length < fieldErrors.length ? (
            <span>: see the marked fields.</span>
          ) : null
        ) : (
          <span>. {error.message}</span>
        )}
        {more ? <span> {more}</span> : null}
        {error.requestId ? <span className="muted"> (request {error.requestId})</span> : null}
        {listed.length > 0 ? (
          <ul className="field-errors">
            {listed.map((e) => (
              <li key={e.path.join('.') + e.message}>{fieldErrorText(e)}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {error.retryable && onRetry ? (
        <button type="button" className="button" onClick={onRetry} disabled={busy || wait > 0}>
          {wait > 0 ? `Retry in ${wait} s` : 'Retry'}
        </button>
      ) : null}
      {onDismiss ? (
        <button type="button" className="button" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
