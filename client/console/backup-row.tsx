import type { BackupFieldsFragment } from '../generated/graphql';
import { type ActionKind, IN_PROGRESS } from './backup-actions';
import { Badge, ProgressBar, backupTypeName, formatBytes, formatTime, nameTag } from './ui';

/** What the row says under the backup id: its Name tag, the volume it is of, or what it is a copy of. */
function subtitle(backup: BackupFieldsFragment): string {
  const parts = [nameTag(backup.tags), backup.volume ? `volume ${backup.volume.name ?? backup.volume.volumeId}` : undefined];
  if (backup.sourceBackupId) parts.push(`copy of ${backup.sourceBackupId}`);
  return parts.filter(Boolean).join(' · ') || '\u00a0';
}

export function BackupRow({
  backup,
  onAction,
}: {
  backup: BackupFieldsFragment;
  onAction: (kind: ActionKind, opener: HTMLElement) => void;
}) {
  const available = backup.lifecycle === 'AVAILABLE';
  const deletable = !IN_PROGRESS.has(backup.lifecycle ?? '');
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
          onClick={(e) => onAction('delete', e.currentTarget)}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}
