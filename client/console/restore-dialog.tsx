import { useMutation } from '@apollo/client';
import { useState } from 'react';
import { type FileSystemFieldsFragment, FileSystemsDocument, RestoreBackupDocument } from '../generated/graphql';
import { accountArg } from './account-select';
import type { Action, Notify } from './backup-actions';
import { FormDialog } from './form-dialog';
import { newClientRequestToken } from './format';

/** Restore a file-system backup to a new file system (billable): subnets, and what Windows or OpenZFS needs. */
export function RestoreDialog({
  action,
  fileSystem,
  onClose,
  notify,
}: {
  action: Action | null;
  fileSystem: FileSystemFieldsFragment;
  onClose: () => void;
  notify: Notify;
}) {
  const backup = action?.kind === 'restore' && action.backup.resourceType !== 'VOLUME' ? action.backup : null;
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
    if (!backup || loading) return;
    const capacity = Number.parseInt(throughput, 10);
    const { data: result } = await run({
      variables: {
        input: {
          backupId: backup.backupId,
          region: backup.region,
          account: accountArg(backup.accountId),
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
    <FormDialog
      title="Restore backup"
      open={backup !== null}
      onClose={close}
      opener={action?.opener}
      onSubmit={submit}
      busy={loading}
      submitLabel="Restore backup"
      busyLabel="Restoring…"
      failure={failure}
    >
      {backup ? (
        <>
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
        </>
      ) : null}
    </FormDialog>
  );
}
