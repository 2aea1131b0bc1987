import { useMutation } from '@apollo/client';
import { useState } from 'react';
import { CopyBackupDocument } from '../generated/graphql';
import { accountArg } from './account-select';
import type { Action, Notify } from './backup-actions';
import { Dialog } from './dialog';
import { ErrorResultBox } from './error-result';
import { RegionSelect } from './region-select';
import { newClientRequestToken } from './format';

/**
 * Copy a backup within its region or to another region served in its account (FSx copies within an
 * account); the notice follows the copy to AVAILABLE.
 */
export function CopyDialog({
  action,
  onClose,
  notify,
  onCopied,
}: {
  action: Action | null;
  onClose: () => void;
  notify: Notify;
  onCopied: () => void;
}) {
  const backup = action?.kind === 'copy' ? action.backup : null;
  const [destination, setDestination] = useState<string | null>(null);
  const [copyTags, setCopyTags] = useState(true);
  const [token, setToken] = useState(newClientRequestToken);
  const [run, { loading, data, reset }] = useMutation(CopyBackupDocument);
  const failure = data && data.copyBackup.__typename !== 'CopyBackupSuccess' ? data.copyBackup : undefined;
  const close = () => {
    reset();
    setDestination(null);
    setToken(newClientRequestToken());
    onClose();
  };
  const submit = async () => {
    if (!backup || loading) return;
    const destinationRegion = destination ?? backup.region;
    const account = accountArg(backup.accountId);
    const { data: result } = await run({
      variables: {
        input: {
          sourceBackupId: backup.backupId,
          sourceRegion: backup.region,
          destinationRegion,
          account,
          copyTags,
          clientRequestToken: token,
        },
      },
    });
    if (result?.copyBackup.__typename === 'CopyBackupSuccess') {
      const copy = result.copyBackup.backup;
      notify(`Copy ${copy.backupId} of ${backup.backupId} started in ${copy.region}.`, {
        backupId: copy.backupId,
        region: copy.region,
        account,
        name: `Copy ${copy.backupId} of ${backup.backupId} in ${copy.region}`,
      });
      onCopied();
      close();
    }
  };
  return (
    <Dialog title="Copy backup" open={backup !== null} onClose={close} opener={action?.opener}>
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
          <RegionSelect
            label="Destination region"
            account={backup.accountId}
            value={destination ?? backup.region}
            onChange={setDestination}
          />
          <label className="check">
            <input type="checkbox" checked={copyTags} onChange={(e) => setCopyTags(e.target.checked)} /> Copy the backup&apos;s tags
          </label>
          {failure ? <ErrorResultBox error={failure} onRetry={() => void submit()} busy={loading} /> : null}
          <div className="actions">
            <button type="submit" className="button primary" aria-disabled={loading}>
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
