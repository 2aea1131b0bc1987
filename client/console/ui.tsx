import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/** A lifecycle as a badge: colour for the eye, the word for everyone. */
export function Badge({ lifecycle }: { lifecycle: string | null | undefined }) {
  const value = lifecycle ?? 'UNKNOWN';
  return <span className={`badge badge-${value.toLowerCase()}`}>{value}</span>;
}

/** A fixed-width progress bar (role=progressbar, aria-valuenow): the table does not move while it fills. */
export function ProgressBar({ value, label }: { value: number | null | undefined; label: string }) {
  const known = typeof value === 'number';
  const percent = known ? Math.max(0, Math.min(100, value)) : 0;
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? percent : undefined}
        aria-valuetext={known ? `${percent}%` : 'unknown'}
      >
        <div className={`progress-fill${percent === 100 ? ' progress-done' : ''}`} style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-value" aria-hidden="true">
        {known ? `${percent}%` : '–'}
      </span>
    </div>
  );
}

export interface ErrorLike {
  __typename: string;
  message: string;
  retryable: boolean;
  requestId?: string | null;
  /** Throttled: seconds before the same request may succeed. */
  retryAfterSeconds?: number;
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

/** A typed failure: its type and message, and a retry button when the gateway says a retry may succeed. */
export function ErrorResultBox({ error, onRetry, busy }: { error: ErrorLike; onRetry?: () => void; busy?: boolean }) {
  // Throttled says when a retry may succeed: the button waits until then.
  const wait = useCountdown(error.retryAfterSeconds, error);
  return (
    <div className="alert alert-error" role="alert">
      <div>
        <strong>{error.__typename}</strong>: {error.message}
        {error.requestId ? <span className="muted"> (request {error.requestId})</span> : null}
      </div>
      {error.retryable && onRetry ? (
        <button type="button" className="button" onClick={onRetry} disabled={busy || wait > 0}>
          {wait > 0 ? `Retry in ${wait} s` : 'Retry'}
        </button>
      ) : null}
    </div>
  );
}

/** A modal dialog (the browser's own <dialog>: focus kept inside, Escape closes). */
export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <h2 id={titleId}>{title}</h2>
      {open ? children : null}
    </dialog>
  );
}

export function formatBytes(bytes: number | null | undefined): string {
  if (typeof bytes !== 'number') return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value >= 10 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace('T', ' ').slice(0, 16);
}

export const nameTag = (tags: ReadonlyArray<{ key: string; value: string }> | null | undefined): string | undefined =>
  tags?.find((t) => t.key === 'Name')?.value;

/** A client request token (FSx: [A-za-z0-9_.-]), so a retry of the same form cannot make a second backup. */
export function newClientRequestToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const BACKUP_TYPES: Record<string, string> = { AUTOMATIC: 'Automatic', USER_INITIATED: 'User', AWS_BACKUP: 'AWS Backup' };

export const backupTypeName = (type: string | null | undefined): string => (type ? (BACKUP_TYPES[type] ?? type) : '–');
