import { type ReactNode, useId } from 'react';
import type { ErrorLike, FieldError } from './error-result';
import { fieldErrorText, fieldKey } from './field-labels';

export interface FieldErrors {
  /** The field (by key: "tags.0.key") has an error: for aria-invalid. */
  has(key: string): boolean;
  /** The id of the field's error text, for aria-describedby (undefined when it has none). */
  describedBy(key: string): string | undefined;
  /** The field's error text, labelled and numbered as the form shows it ("Tag 1 key: …"), or nothing. */
  errorOf(key: string): ReactNode;
}

/**
 * InvalidInput's field errors, keyed by the input field their path names, for a form to show each
 * one on its own field (with aria-invalid and aria-describedby). Pass the same failure to
 * ErrorResultBox with `onField` set to the keys the form shows, and it lists only the rest.
 */
export function useFieldErrors(failure: ErrorLike | undefined): FieldErrors {
  const ids = useId();
  const byKey = new Map<string, [FieldError, ...FieldError[]]>();
  for (const error of failure?.fieldErrors ?? []) {
    const key = fieldKey(error.path);
    const known = byKey.get(key);
    if (known) known.push(error);
    else byKey.set(key, [error]);
  }
  const idOf = (key: string) => `${ids}-${key.replace(/\W/g, '-')}-error`;
  return {
    has: (key) => byKey.has(key),
    describedBy: (key) => (byKey.has(key) ? idOf(key) : undefined),
    errorOf: (key) => {
      const errors = byKey.get(key);
      if (!errors) return null;
      return (
        <span className="field-error" id={idOf(key)}>
          {fieldErrorText(...errors)}
        </span>
      );
    },
  };
}
