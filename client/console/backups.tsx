import { NetworkStatus, useQuery, useSubscription } from '@apollo/client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { BackupChangedDocument, type FileSystemFieldsFragment, FileSystemBackupsDocument } from '../generated/graphql';
import { accountArg } from './account-select';
import type { LiveStatus } from './apollo';
import { type Action, IN_PROGRESS, type Notify } from './backup-actions';
import { BackupRow } from './backup-row';
import { backupTarget } from './backup-target';
import { CopyDialog } from './copy-dialog';
import { CreateBackupForm } from './create-backup-form';
import { DeleteDialog } from './delete-dialog';
import { type ListedBackup, deletionReasons, keepLatestGroup, keptByGroup } from './deletion-guards';
import { type ErrorLike, ErrorResultBox } from './error-result';
import { RestoreDialog } from './restore-dialog';
import { RestoreVolumeDialog } from './restore-volume-dialog';
import { nameTag } from './format';
import { HOLD_SCOPE, useHasScope } from './viewer';

const PAGE = 20;
const POLL_MS = 2000;

/**
 * The backups of one file system: a table whose lifecycle badges and progress bars follow the
 * backupChanged subscription (every change arrives in the normalized cache, so rows update in place),
 * falling back to polling while the live connection is down and something is in progress.
 */
export function Backups({
  fileSystem: chosen,
  notify,
  liveStatus,
}: {
  fileSystem: FileSystemFieldsFragment;
  notify: Notify;
  liveStatus: LiveStatus;
}) {
  const place = { region: chosen.region, account: accountArg(chosen.accountId) };
  const variables = { fileSystemId: chosen.fileSystemId, ...place, first: PAGE };
  const { data, loading, error, fetchMore, refetch, networkStatus, startPolling, stopPolling } = useQuery(FileSystemBackupsDocument, {
    variables,
    notifyOnNetworkStatusChange: true,
  });
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [liveFailed, setLiveFailed] = useState(false);
  const [rowError, setRowError] = useState<ErrorLike | null>(null);
  const canHold = useHasScope(HOLD_SCOPE);
  const newBackup = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const owner = data?.fileSystem;
  // The file system as read with its backups (fresh: a restored one becomes AVAILABLE), else as chosen.
  const fileSystem = owner?.__typename === 'FileSystem' ? owner : chosen;
  const target = backupTarget(fileSystem);
  const page = owner?.__typename === 'FileSystem' ? owner.backups : undefined;
  const backups: ListedBackup[] = useMemo(
    () => (page?.__typename === 'BackupConnection' ? page.edges.map((e) => e.node).filter((b) => b.lifecycle !== 'DELETED') : []),
    [page],
  );
  // keepLatest's count is only known with every page read (the newest N may be on a later one).
  const kept = page?.__typename === 'BackupConnection' && !page.pageInfo.hasNextPage ? keptByGroup(backups) : undefined;
  const inProgress = backups.some((b) => IN_PROGRESS.has(b.lifecycle ?? ''));
  const listed = useRef(new Set<string>());
  listed.current = new Set(backups.map((b) => b.id));

  useSubscription(BackupChangedDocument, {
    variables: { fileSystemIds: [chosen.fileSystemId], ...place },
    onData: ({ data: event }) => {
      setLiveFailed(false);
      const changed = event.data?.backupChanged;
      // The backup itself is already in the cache (normalized by id); a backup this list has not seen
      // (made by someone else, or a copy) needs the list read again, and so does one just made
      // AVAILABLE: it may now be one of the newest that keepLatest keeps, and an older one no longer.
      if (changed?.__typename !== 'BackupChanged') return;
      if (!listed.current.has(changed.backup.id) || (changed.final && changed.backup.lifecycle === 'AVAILABLE')) void refetch();
    },
    onError: () => setLiveFailed(true),
    onComplete: () => setLiveFailed(true),
  });
  // Down: the subscription failed or ended, or the connection dropped (graphql-ws reconnects and resubscribes).
  const liveDown = liveFailed || liveStatus === 'closed';

  useEffect(() => {
    if (liveDown && inProgress) startPolling(POLL_MS);
    else stopPolling();
    return () => stopPolling();
  }, [liveDown, inProgress, startPolling, stopPolling]);

  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const failure: ErrorLike | undefined =
    owner && owner.__typename !== 'FileSystem' ? owner : page && page.__typename !== 'BackupConnection' ? page : undefined;
  const liveState = liveDown
    ? inProgress
      ? 'Polling every 2 s'
      : 'Live updates paused'
    : liveStatus === 'connected'
      ? 'Live'
      : 'Connecting…';
  const closeAction = () => setAction(null);

  return (
    <section className="panel" aria-labelledby="backups-title">
      <div className="panel-head">
        <h2 id="backups-title" ref={heading} tabIndex={-1}>
          Backups of <span className="mono">{fileSystem.fileSystemId}</span>
          {nameTag(fileSystem.tags) ? <span className="muted"> · {nameTag(fileSystem.tags)}</span> : null}
        </h2>
        <span className={`live ${liveDown ? 'live-down' : 'live-up'}`} role="status" aria-live="polite">
          {liveState}
        </span>
        <button type="button" className="button" onClick={() => void refetch()} disabled={loading}>
          Refresh
        </button>
        <button
          type="button"
          className="button primary"
          ref={newBackup}
          aria-expanded={creating}
          aria-controls="create-backup"
          disabled={target.kind === 'none'}
          aria-describedby={target.kind === 'none' ? 'no-backup-reason' : undefined}
          onClick={() => setCreating(!creating)}
        >
          {creating ? 'Close form' : 'New backup'}
        </button>
      </div>
      {target.kind === 'none' ? (
        <p className="hint no-backup" id="no-backup-reason">
          {target.reason}
        </p>
      ) : null}
      {creating && target.kind !== 'none' ? (
        <CreateBackupForm
          id="create-backup"
          fileSystem={fileSystem}
          onCreated={(followed) => {
            setCreating(false);
            // The form is gone with the control that submitted it: focus goes back to the one that opened it.
            newBackup.current?.focus();
            notify(`${followed.name} started.`, followed);
          }}
        />
      ) : null}
      {error ? (
        <p className="alert alert-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {failure ? <ErrorResultBox error={failure} onRetry={() => void refetch()} /> : null}
      {rowError ? <ErrorResultBox error={rowError} onDismiss={() => setRowError(null)} /> : null}
      <table className="table">
        <caption className="visually-hidden">Backups of {fileSystem.fileSystemId}</caption>
        <colgroup>
          <col className="col-id" />
          <col className="col-type" />
          <col className="col-time" />
          <col className="col-lifecycle" />
          <col className="col-progress" />
          <col className="col-size" />
          <col className="col-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Backup</th>
            <th scope="col">Type</th>
            <th scope="col">Created (UTC)</th>
            <th scope="col">Lifecycle</th>
            <th scope="col">Progress</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <BackupRow
              key={backup.id}
              backup={backup}
              keptBecause={deletionReasons(backup, kept?.get(keepLatestGroup(backup)))}
              canHold={canHold}
              onAction={(kind, opener) => setAction({ kind, backup, opener })}
              onError={setRowError}
            />
          ))}
          {loading && !page ? (
            <tr>
              <td colSpan={7} className="muted">
                Loading backups…
              </td>
            </tr>
          ) : null}
          {page?.__typename === 'BackupConnection' && backups.length === 0 ? (
            <tr>
              <td colSpan={7} className="muted">
                No backups yet.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {page?.__typename === 'BackupConnection' && page.pageInfo.hasNextPage ? (
        <div className="more">
          <button
            type="button"
            className="button"
            disabled={loadingMore}
            onClick={() => void fetchMore({ variables: { after: page.pageInfo.endCursor } })}
          >
            {loadingMore ? 'Loading…' : 'Load more backups'}
          </button>
        </div>
      ) : null}
      <DeleteDialog action={action} onClose={closeAction} notify={notify} fallbackFocus={heading} />
      <CopyDialog action={action} onClose={closeAction} notify={notify} onCopied={() => void refetch()} />
      <RestoreDialog action={action} fileSystem={fileSystem} onClose={closeAction} notify={notify} />
      <RestoreVolumeDialog action={action} fileSystemId={fileSystem.fileSystemId} onClose={closeAction} notify={notify} />
    </section>
  );
}
