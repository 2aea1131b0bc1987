import { NetworkStatus, useQuery } from '@apollo/client';
import { type BackupSettingsFieldsFragment, type FileSystemFieldsFragment, FileSystemsDocument } from '../generated/graphql';
import { ErrorResultBox } from './error-result';
import { nameTag } from './format';
import { Badge } from './ui';

const PAGE = 20;

/** The automatic-backup settings of whichever configuration the file system type has. */
function backupSettings(fs: BackupSettingsFieldsFragment): string {
  const config = fs.windowsConfiguration ?? fs.lustreConfiguration ?? fs.openZFSConfiguration ?? fs.ontapConfiguration;
  if (!config) return '–';
  const days = config.automaticBackupRetentionDays;
  if (!days) return 'Off';
  const parts = [`${days} day${days === 1 ? '' : 's'}`];
  if (config.dailyAutomaticBackupStartTime) parts.push(`daily ${config.dailyAutomaticBackupStartTime} UTC`);
  if ('copyTagsToBackups' in config && config.copyTagsToBackups) parts.push('copies tags');
  return parts.join(' · ');
}

/** The file systems table; choosing one shows its backups. */
export function FileSystems({
  account,
  region,
  selected,
  onSelect,
}: {
  account: string | null;
  region: string | null;
  selected: FileSystemFieldsFragment | null;
  onSelect: (fs: FileSystemFieldsFragment) => void;
}) {
  const { data, loading, error, fetchMore, refetch, networkStatus } = useQuery(FileSystemsDocument, {
    variables: { first: PAGE, region, account },
    notifyOnNetworkStatusChange: true,
  });
  const result = data?.fileSystems;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  // Where the list is from, as chosen: "in us-west-2 of account 111111111111" (nothing for the defaults).
  const where = `${region ? ` in ${region}` : ''}${account ? ` of account ${account}` : ''}`;
  return (
    <section className="panel" aria-labelledby="fs-title">
      <div className="panel-head">
        <h2 id="fs-title">File systems</h2>
        <button type="button" className="button" onClick={() => void refetch()} disabled={loading}>
          Refresh
        </button>
      </div>
      {error ? (
        <p className="alert alert-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {result && result.__typename !== 'FileSystemConnection' ? <ErrorResultBox error={result} onRetry={() => void refetch()} /> : null}
      <table className="table">
        <caption className="visually-hidden">File systems{where}</caption>
        <colgroup>
          <col className="col-id" />
          <col className="col-type" />
          <col className="col-lifecycle" />
          <col className="col-storage" />
          <col />
          <col className="col-action" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">File system</th>
            <th scope="col">Type</th>
            <th scope="col">Lifecycle</th>
            <th scope="col">Storage</th>
            <th scope="col">Automatic backups</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {result?.__typename === 'FileSystemConnection'
            ? result.edges.map(({ node: fs }) => {
                const isSelected = selected?.id === fs.id;
                return (
                  <tr key={fs.id} className={isSelected ? 'selected' : undefined} aria-selected={isSelected}>
                    <td>
                      <div className="mono">{fs.fileSystemId}</div>
                      <div className="muted small">{nameTag(fs.tags) ?? fs.region}</div>
                    </td>
                    <td>{fs.fileSystemType ?? '–'}</td>
                    <td>
                      <Badge lifecycle={fs.lifecycle} />
                    </td>
                    <td className="num">
                      {fs.storageCapacity != null ? `${fs.storageCapacity} GiB` : '–'}
                      {fs.storageType ? <span className="muted small"> {fs.storageType}</span> : null}
                    </td>
                    <td>{backupSettings(fs)}</td>
                    <td className="actions-cell">
                      <button
                        type="button"
                        className={`button${isSelected ? ' primary' : ''}`}
                        aria-pressed={isSelected}
                        aria-label={`Show backups of ${fs.fileSystemId}`}
                        onClick={() => onSelect(fs)}
                      >
                        Backups
                      </button>
                    </td>
                  </tr>
                );
              })
            : null}
          {loading && !result ? (
            <tr>
              <td colSpan={6} className="muted">
                Loading file systems…
              </td>
            </tr>
          ) : null}
          {result?.__typename === 'FileSystemConnection' && result.edges.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                No file systems{where}.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {result?.__typename === 'FileSystemConnection' && result.pageInfo.hasNextPage ? (
        <div className="more">
          <button
            type="button"
            className="button"
            disabled={loadingMore}
            onClick={() => void fetchMore({ variables: { after: result.pageInfo.endCursor } })}
          >
            {loadingMore ? 'Loading…' : 'Load more file systems'}
          </button>
        </div>
      ) : null}
    </section>
  );
}
