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
