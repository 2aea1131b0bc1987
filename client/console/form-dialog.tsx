import type { ReactNode } from 'react';
import { Dialog } from './dialog';
import { type ErrorLike, ErrorResultBox } from './error-result';

/**
 * A Dialog holding one form: the caller's fields (`children`), then the failure of the last submit
 * if any (with Retry), then a primary submit button (`busyLabel` while `busy`) and Cancel. Submitting
 * calls `onSubmit` and never reloads the page. Rendered only while `open`, like Dialog's content.
 */
export function FormDialog({
  title,
  open,
  onClose,
  opener,
  onSubmit,
  busy,
  submitLabel,
  busyLabel,
  failure,
  onField,
  noValidate,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  opener?: HTMLElement | null;
  onSubmit: () => Promise<void>;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  failure: ErrorLike | undefined;
  /** Field errors the form shows on the field itself, left out of the failure's list. */
  onField?: (key: string) => boolean;
  noValidate?: boolean;
  children: ReactNode;
}) {
  return (
    <Dialog title={title} open={open} onClose={onClose} opener={opener}>
      <form
        noValidate={noValidate}
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        {children}
        {failure ? <ErrorResultBox error={failure} onRetry={() => void onSubmit()} busy={busy} onField={onField} /> : null}
        <div className="actions">
          <button type="submit" className="button primary" aria-disabled={busy}>
            {busy ? busyLabel : submitLabel}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
