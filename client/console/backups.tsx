import { NetworkStatus, useMutation, useQuery, useSubscription } from '@apollo/client';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  type BackupFieldsFragment,
  BackupChangedDocument,
  CopyBackupDocument,
  DeleteBackupDocument,
  type FileSystemFieldsFragment,
  FileSystemBackupsDocument,
  FileSystemsDocument,
  RestoreBackupDocument,
} from '../generated/graphql';
import type { LiveStatus } from './apollo';
import { CreateBackupForm } from './create-backup-form';
import {
  Badge,
  Dialog,
  backupTypeName,
  ErrorResultBox,
  type ErrorLike,
  ProgressBar,
  formatBytes,
  formatTime,
  nameTag,
  newClientRequestToken,
} from './ui';

const PAGE = 20;
const IN_PROGRESS = new Set(['CREATING', 'PENDING', 'TRANSFERRING', 'COPYING']);
const POLL_MS = 2000;

type Notify = (message: string) => void;
type Action = { kind: 'delete' | 'copy' | 'restore'; backup: BackupFieldsFragment } | null;

/**
 * The backups of one file system: a table whose lifecycle badges and progress bars follow the
 * backupChanged subscription (every change arrives in the normalized cache, so rows update in place),
 * falling back to polling while the live connection is down and something is in progress.
 */
export function Backups({
  fileSystem,
  notify,
  liveStatus,
}: {
  fileSystem: FileSystemFieldsFragment;
  notify: Notify;
  liveStatus: LiveStatus;
}) {
  const variables = { fileSystemId: fileSystem.fileSystemId, region: fileSystem.region, first: PAGE };
  const { data, loading, error, fetchMore, refetch, networkStatus, startPolling, stopPolling } = useQuery(FileSystemBackupsDocument, {
    variables,
    notifyOnNetworkStatusChange: true,
  });
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<Action>(null);
  const [liveFailed, setLiveFailed] = useState(false);

  const owner = data?.fileSystem;
  const page = owner?.__typename === 'FileSystem' ? owner.backups : undefined;
  const backups = useMemo(
    () => (page?.__typename === 'BackupConnection' ? page.edges.map((e) => e.node).filter((b) => b.lifecycle !== 'DELETED') : []),
    [page],
  );
  const inProgress = backups.some((b) => IN_PROGRESS.has(b.lifecycle ?? ''));
  const listed = useRef(new Set<string>());
  listed.current = new Set(backups.map((b) => b.id));

  useSubscription(BackupChangedDocument, {
    variables: { fileSystemIds: [fileSystem.fileSystemId], region: fileSystem.region },
    onData: ({ data: event }) => {
      setLiveFailed(false);
      const changed = event.data?.backupChanged;
      // The backup itself is already in the cache (normalized by id); a backup this list has not seen
      // (made by someone else, or a copy) needs the list read again.
      if (changed?.__typename === 'BackupChanged' && !listed.current.has(changed.backup.id)) void refetch();
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

  return (
    <section className="panel" aria-labelledby="backups-title">
      <div className="panel-head">
        <h2 id="backups-title">
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
          aria-expanded={creating}
          aria-controls="create-backup"
          onClick={() => setCreating(!creating)}
        >
          {creating ? 'Close form' : 'New backup'}
        </button>
      </div>
      {creating ? (
        <CreateBackupForm
          id="create-backup"
          region={fileSystem.region}
          defaultFileSystemId={fileSystem.fileSystemId}
          onCreated={(backupId) => {
            setCreating(false);
            notify(`Backup ${backupId} started.`);
          }}
        />
      ) : null}
      {error ? (
        <p className="alert alert-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {failure ? <ErrorResultBox error={failure} onRetry={() => void refetch()} /> : null}
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
            <BackupRow key={backup.id} backup={backup} onAction={(kind) => setAction({ kind, backup })} />
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
      <DeleteDialog action={action} onClose={() => setAction(null)} notify={notify} />
      <CopyDialog action={action} onClose={() => setAction(null)} notify={notify} onCopied={() => void refetch()} />
      <RestoreDialog action={action} fileSystem={fileSystem} onClose={() => setAction(null)} notify={notify} />
    </section>
  );
}

function BackupRow({ backup, onAction }: { backup: BackupFieldsFragment; onAction: (kind: 'delete' | 'copy' | 'restore') => void }) {
  const available = backup.lifecycle === 'AVAILABLE';
  const deletable = !IN_PROGRESS.has(backup.lifecycle ?? '');
  const name = nameTag(backup.tags);
  return (
    <tr>
      <td>
        <div className="mono">{backup.backupId}</div>
        <div className="muted small">{name ?? (backup.sourceBackupId ? `copy of ${backup.sourceBackupId}` : '\u00a0')}</div>
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
          onClick={() => onAction('copy')}
        >
          Copy
        </button>
        <button
          type="button"
          className="button small"
          disabled={!available}
          aria-label={`Restore ${backup.backupId}`}
          onClick={() => onAction('restore')}
        >
          Restore
        </button>
        <button
          type="button"
          className="button small danger"
          disabled={!deletable}
          aria-label={`Delete ${backup.backupId}`}
          onClick={() => onAction('delete')}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

function DeleteDialog({ action, onClose, notify }: { action: Action; onClose: () => void; notify: Notify }) {
  const backup = action?.kind === 'delete' ? action.backup : null;
  const [token, setToken] = useState(newClientRequestToken);
  const [run, { loading, data, reset }] = useMutation(DeleteBackupDocument, {
    update(cache, { data: result }) {
      if (result?.deleteBackup.__typename === 'DeleteBackupSuccess' && backup) {
        cache.evict({ id: cache.identify({ __typename: 'Backup', id: backup.id }) });
        cache.gc();
      }
    },
  });
  const answer = data?.deleteBackup;
  // The console never sends dryRun, so DeleteBackupAllowed does not come; it is no failure either way.
  const failure = answer && answer.__typename !== 'DeleteBackupSuccess' && answer.__typename !== 'DeleteBackupAllowed' ? answer : undefined;
  const close = () => {
    reset();
    setToken(newClientRequestToken());
    onClose();
  };
  const confirm = async () => {
    if (!backup) return;
    const { data: result } = await run({
      variables: { input: { backupId: backup.backupId, region: backup.region, clientRequestToken: token } },
    });
    if (result?.deleteBackup.__typename === 'DeleteBackupSuccess') {
      notify(`Backup ${backup.backupId} deleted.`);
      close();
    }
  };
  return (
    <Dialog title="Delete backup?" open={backup !== null} onClose={close}>
      {backup ? (
        <>
          <p>
            Delete <span className="mono">{backup.backupId}</span>
            {nameTag(backup.tags) ? ` (${nameTag(backup.tags)})` : ''}? This cannot be undone.
          </p>
          {failure ? <ErrorResultBox error={failure} onRetry={() => void confirm()} busy={loading} /> : null}
          <div className="actions">
            <button type="button" className="button danger" onClick={() => void confirm()} disabled={loading}>
              {loading ? 'Deleting…' : 'Delete backup'}
            </button>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}

function CopyDialog({ action, onClose, notify, onCopied }: { action: Action; onClose: () => void; notify: Notify; onCopied: () => void }) {
  const backup = action?.kind === 'copy' ? action.backup : null;
  const [destination, setDestination] = useState('');
  const [copyTags, setCopyTags] = useState(true);
  const [token, setToken] = useState(newClientRequestToken);
  const [run, { loading, data, reset }] = useMutation(CopyBackupDocument);
  const failure = data && data.copyBackup.__typename !== 'CopyBackupSuccess' ? data.copyBackup : undefined;
  const close = () => {
    reset();
    setDestination('');
    setToken(newClientRequestToken());
    onClose();
  };
  const submit = async () => {
    if (!backup) return;
    const destinationRegion = destination.trim() || backup.region;
    const { data: result } = await run({
      variables: {
        input: { sourceBackupId: backup.backupId, sourceRegion: backup.region, destinationRegion, copyTags, clientRequestToken: token },
      },
    });
    if (result?.copyBackup.__typename === 'CopyBackupSuccess') {
      notify(`Copy ${result.copyBackup.backup.backupId} of ${backup.backupId} started in ${result.copyBackup.backup.region}.`);
      onCopied();
      close();
    }
  };
  return (
    <Dialog title="Copy backup" open={backup !== null} onClose={close}>
      {backup ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p>
            Copy <span className="mono">{backup.backupId}</span> within its region or to another one.
          </p>
          <label className="field">
            <span>Destination region</span>
            <input value={destination} onChange={(e) => setDestination(e.target.value)} placeholder={backup.region} spellCheck={false} />
          </label>
          <label className="check">
            <input type="checkbox" checked={copyTags} onChange={(e) => setCopyTags(e.target.checked)} /> Copy the backup&apos;s tags
          </label>
          {failure ? <ErrorResultBox error={failure} onRetry={() => void submit()} busy={loading} /> : null}
          {failure?.__typename === 'InvalidInput' ? <FieldErrorList errors={failure.fieldErrors} /> : null}
          <div className="actions">
            <button type="submit" className="button primary" disabled={loading}>
              {loading ? 'Copying…' : 'Copy backup'}
            </button>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}

function RestoreDialog({
  action,
  fileSystem,
  onClose,
  notify,
}: {
  action: Action;
  fileSystem: FileSystemFieldsFragment;
  onClose: () => void;
  notify: Notify;
}) {
  const backup = action?.kind === 'restore' ? action.backup : null;
  const type = backup?.fileSystem?.fileSystemType ?? fileSystem.fileSystemType;
  const [subnets, setSubnets] = useState((fileSystem.subnetIds ?? []).join(', '));
  const [throughput, setThroughput] = useState(type === 'OPENZFS' ? '64' : '32');
  const [deployment, setDeployment] = useState<'SINGLE_AZ_1' | 'SINGLE_AZ_2' | 'MULTI_AZ_1'>('SINGLE_AZ_1');
  const [token, setToken] = useState(newClientRequestToken);
  const [run, { loading, data, reset }] = useMutation(RestoreBackupDocument, { refetchQueries: [FileSystemsDocument] });
  const failure = data && data.restoreBackup.__typename !== 'RestoreBackupSuccess' ? data.restoreBackup : undefined;
  const close = () => {
    reset();
    setToken(newClientRequestToken());
    onClose();
  };
  const submit = async () => {
    if (!backup) return;
    const capacity = Number.parseInt(throughput, 10);
    const { data: result } = await run({
      variables: {
        input: {
          backupId: backup.backupId,
          region: backup.region,
          subnetIds: subnets.split(/[\s,]+/).filter(Boolean),
          clientRequestToken: token,
          tags: [{ key: 'Name', value: `restore of ${backup.backupId}` }],
          ...(type === 'WINDOWS' ? { windowsConfiguration: { throughputCapacity: capacity } } : {}),
          ...(type === 'OPENZFS' ? { openZFSConfiguration: { deploymentType: deployment, throughputCapacity: capacity } } : {}),
        },
      },
    });
    if (result?.restoreBackup.__typename === 'RestoreBackupSuccess') {
      notify(`Restoring ${backup.backupId} to new file system ${result.restoreBackup.fileSystem.fileSystemId}.`);
      close();
    }
  };
  return (
    <Dialog title="Restore backup" open={backup !== null} onClose={close}>
      {backup ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p>
            Restore <span className="mono">{backup.backupId}</span> to a new {type ?? ''} file system (billable).
          </p>
          <label className="field">
            <span>Subnet IDs</span>
            <input value={subnets} onChange={(e) => setSubnets(e.target.value)} spellCheck={false} required />
          </label>
          {type === 'OPENZFS' ? (
            <label className="field">
              <span>Deployment type</span>
              <select value={deployment} onChange={(e) => setDeployment(e.target.value as typeof deployment)}>
                <option value="SINGLE_AZ_1">SINGLE_AZ_1</option>
                <option value="SINGLE_AZ_2">SINGLE_AZ_2</option>
                <option value="MULTI_AZ_1">MULTI_AZ_1</option>
              </select>
            </label>
          ) : null}
          {type === 'WINDOWS' || type === 'OPENZFS' ? (
            <label className="field">
              <span>Throughput capacity (MB/s)</span>
              <input type="number" min={8} value={throughput} onChange={(e) => setThroughput(e.target.value)} />
            </label>
          ) : null}
          {failure ? <ErrorResultBox error={failure} onRetry={() => void submit()} busy={loading} /> : null}
          {failure?.__typename === 'InvalidInput' ? <FieldErrorList errors={failure.fieldErrors} /> : null}
          <div className="actions">
            <button type="submit" className="button primary" disabled={loading}>
              {loading ? 'Restoring…' : 'Restore backup'}
            </button>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}

function FieldErrorList({ errors }: { errors: ReadonlyArray<{ path: readonly string[]; message: string }> }) {
  return (
    <ul className="field-errors">
      {errors.map((e) => (
        <li key={e.path.join('.') + e.message}>
          <span className="mono">{e.path.slice(1).join('.')}</span>: {e.message}
        </li>
      ))}
    </ul>
  );
}
