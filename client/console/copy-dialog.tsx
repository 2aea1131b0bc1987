import { useMutation } from '@apollo/client';
import { useState } from 'react';
import { CopyBackupDocument } from '../generated/graphql';
import { accountArg } from './account-select';
import type { Action, Notify } from './backup-actions';
import { FormDialog } from './form-dialog';
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
    <FormDialog
      title="Copy backup"
      open={backup !== null}
      onClose={close}
      opener={action?.opener}
      onSubmit={submit}
      busy={loading}
      submitLabel="Copy backup"
      busyLabel="Copying…"
      failure={failure}
    >
      {backup ? (
        <>
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
        </>
      ) : null}
    </FormDialog>
  );
}
