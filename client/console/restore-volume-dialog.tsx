import { useMutation } from '@apollo/client';
import { useEffect, useState } from 'react';
import { FileSystemVolumesDocument, RestoreVolumeDocument } from '../generated/graphql';
import { accountArg } from './account-select';
import type { Action, Notify } from './backup-actions';
import { FormDialog } from './form-dialog';
import { useFieldErrors } from './field-errors';
import { SVM_FIELD, SvmChoice } from './svm-choice';
import { newClientRequestToken } from './format';

const FIELDS = ['name', SVM_FIELD, 'ontapConfiguration.junctionPath'];

/**
 * Restore an ONTAP volume backup to a new volume (restoreVolume, needs backups:restore): its name,
 * the storage virtual machine to create it in (one of the file system's, `fileSystemId` unless the
 * backup names its own), and where it is mounted (junction path).
 */
export function RestoreVolumeDialog({
  action,
  fileSystemId,
  onClose,
  notify,
}: {
  action: Action | null;
  fileSystemId: string;
  onClose: () => void;
  notify: Notify;
}) {
  const backup = action?.kind === 'restore' && action.backup.resourceType === 'VOLUME' ? action.backup : null;
  const [name, setName] = useState('');
  const [svm, setSvm] = useState('');
  const [junctionPath, setJunctionPath] = useState('');
  const [token, setToken] = useState(newClientRequestToken);
  const [run, { loading, data, reset }] = useMutation(RestoreVolumeDocument, { refetchQueries: [FileSystemVolumesDocument] });
  const failure = data && data.restoreVolume.__typename !== 'RestoreVolumeSuccess' ? data.restoreVolume : undefined;
  const errors = useFieldErrors(failure);
  // Each backup opens with names of its own: the volume's name with "_restored", a path after the name (SvmChoice picks the SVM).
  useEffect(() => {
    if (!backup) return;
    const restored = `${backup.volume?.name ?? 'volume'}_restored`;
    setName(restored);
    setJunctionPath(`/${restored}`);
    setSvm('');
  }, [backup]);
  const close = () => {
    reset();
    setToken(newClientRequestToken());
    onClose();
  };
  const submit = async () => {
    if (!backup || loading) return;
    const { data: result } = await run({
      variables: {
        input: {
          backupId: backup.backupId,
          region: backup.region,
          account: accountArg(backup.accountId),
          name: name.trim(),
          clientRequestToken: token,
          ontapConfiguration: {
            storageVirtualMachineId: svm.trim(),
            ...(junctionPath.trim() ? { junctionPath: junctionPath.trim() } : {}),
          },
        },
      },
    });
    if (result?.restoreVolume.__typename === 'RestoreVolumeSuccess') {
      const volume = result.restoreVolume.volume;
      notify(`Restoring ${backup.backupId} to new volume ${volume.name ?? ''} (${volume.volumeId}).`);
      close();
    }
  };
  const field = (key: string) => ({ 'aria-invalid': errors.has(key), 'aria-describedby': errors.describedBy(key) });
  return (
    <FormDialog
      title="Restore volume backup"
      open={backup !== null}
      onClose={close}
      opener={action?.opener}
      onSubmit={submit}
      busy={loading}
      submitLabel="Restore volume"
      busyLabel="Restoring…"
      failure={failure}
      onField={(key) => FIELDS.includes(key)}
      noValidate
    >
      {backup ? (
        <>
          <p>
            Restore <span className="mono">{backup.backupId}</span>
            {backup.volume?.name ? ` (volume ${backup.volume.name})` : ''} to a new ONTAP volume.
          </p>
          <label className="field">
            <span>Volume name</span>
            <input value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} {...field('name')} />
            {errors.errorOf('name')}
          </label>
          <SvmChoice
            fileSystemId={backup.fileSystem?.fileSystemId ?? fileSystemId}
            region={backup.region}
            account={accountArg(backup.accountId)}
            preferred={backup.volume?.ontapConfiguration?.storageVirtualMachineId}
            value={svm}
            onChange={setSvm}
            errors={errors}
          />
          <label className="field">
            <span>
              Junction path <span className="muted">(optional)</span>
            </span>
            <input value={junctionPath} onChange={(e) => setJunctionPath(e.target.value)} spellCheck={false} {...field(FIELDS[2])} />
            {errors.errorOf(FIELDS[2])}
          </label>
        </>
      ) : null}
    </FormDialog>
  );
}
