import { useId } from 'react';
import type { BackupFieldsFragment } from '../generated/graphql';
import { type ActionKind, IN_PROGRESS } from './backup-actions';
import type { ListedBackup } from './deletion-guards';
import type { ErrorLike } from './error-result';
import { LegalHoldSwitch } from './legal-hold-switch';
import { backupTypeName, formatBytes, formatTime, nameTag } from './format';
import { Badge, ProgressBar } from './ui';

/** What the row says under the backup id: its Name tag, the volume it is of, or what it is a copy of. */
function subtitle(backup: BackupFieldsFragment): string {
  const parts = [nameTag(backup.tags), backup.volume ? `volume ${backup.volume.name ?? backup.volume.volumeId}` : undefined];
  if (backup.sourceBackupId) parts.push(`copy of ${backup.sourceBackupId}`);
  return parts.filter(Boolean).join(' · ') || '\u00a0';
}

/**
 * One backup: id and what it is, type, time, lifecycle, progress, size, and its actions. Delete is off
 * while the backup is in progress, and while a deletion guard keeps it, with the guard in words under
 * it (`keptBecause`, also its accessible description); the legal-hold switch is there for callers
 * that may place holds.
 */
export function BackupRow({
  backup,
  keptBecause,
  canHold,
  onAction,
  onError,
}: {
  backup: ListedBackup;
  keptBecause: readonly string[];
  canHold: boolean;
  onAction: (kind: ActionKind, opener: HTMLElement) => void;
  onError: (error: ErrorLike) => void;
}) {
  const reasonId = useId();
  const available = backup.lifecycle === 'AVAILABLE';
  const deletable = !IN_PROGRESS.has(backup.lifecycle ?? '') && keptBecause.length === 0;
  return (
    <tr>
      <td>
        <div className="mono">{backup.backupId}</div>
        <div className="muted small">{subtitle(backup)}</div>
      </td>
      <td>{backupTypeName(backup.type)}</td>
      <td className="num">{formatTime(backup.creationTime)}</td>
      <td>
        <Badge lifecycle={backup.lifecycle} />
        {backup.failureDetails?.message ? <div className="small error-text">{backup.failureDetails.message}</div> : null}
      </td>
      <td>
        <ProgressBar value={backup.progressPercent ?? (available ? 100 : null)} label={`Progress of ${backup.backupId}`} />
      </td>
      <td className="num">{formatBytes(backup.sizeInBytes)}</td>
      <td className="actions-cell">
        <button
          type="button"
          className="button small"
          disabled={!available}
          aria-label={`Copy ${backup.backupId}`}
          onClick={(e) => onAction('copy', e.currentTarget)}
        >
          Copy
        </button>
        <button
          type="button"
          className="button small"
          disabled={!available}
          aria-label={`Restore ${backup.backupId}`}
          onClick={(e) => onAction('restore', e.currentTarget)}
        >
          Restore
        </button>
        <button
          type="button"
          className="button small danger"
          disabled={!deletable}
          aria-label={`Delete ${backup.backupId}`}
          aria-describedby={keptBecause.length ? reasonId : undefined}
          onClick={(e) => onAction('delete', e.currentTarget)}
        >
          Delete
        </button>
        {canHold || keptBecause.length ? (
          <div className="row-guards small">
            {keptBecause.length ? <span id={reasonId}>{keptBecause.join(' · ')}</span> : null}
            {canHold ? <LegalHoldSwitch backup={backup} onError={onError} /> : null}
          </div>
        ) : null}
      </td>
    </tr>
  );
}
