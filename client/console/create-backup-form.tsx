import { useMutation } from '@apollo/client';
import { type FormEvent, useState } from 'react';
import { CreateBackupDocument, type CreateBackupInput, type FileSystemFieldsFragment } from '../generated/graphql';
import { accountArg } from './account-select';
import { addCreatedBackup } from './add-created-backup';
import { backupTarget } from './backup-target';
import { ErrorResultBox } from './error-result';
import { useFieldErrors } from './field-errors';
import { FileSystemChoice, VolumeChoice } from './backup-source-fields';
import type { Followed } from './notice';
import { TAG_FIELDS, type TagRow, TagsFieldset, givenTags } from './tags-fieldset';
import { newClientRequestToken } from './format';

const EMPTY_TAGS: TagRow[] = [{ key: 'Name', value: '' }];
/** The fields this form shows errors on; an error on anything else is listed under the form. */
const onField = (key: string) => ['fileSystemId', 'volumeId', 'clientRequestToken'].includes(key) || TAG_FIELDS.test(key);

/**
 * Create backup: what to back up (the file system, or for ONTAP one of its volumes), an optional
 * client request token, tags. InvalidInput's field errors appear on the field their path names; any
 * other failure shows its title and message, with Retry (the same input, the same token: it cannot
 * make a second backup) when it is retryable.
 */
export function CreateBackupForm({
  id,
  fileSystem,
  onCreated,
}: {
  id: string;
  fileSystem: FileSystemFieldsFragment;
  onCreated: (followed: Followed) => void;
}) {
  const perVolume = backupTarget(fileSystem).kind === 'volumes';
  const [fileSystemId, setFileSystemId] = useState(fileSystem.fileSystemId);
  const [volume, setVolume] = useState<{ volumeId: string; name: string } | null>(null);
  const [token, setToken] = useState('');
  const [tags, setTags] = useState<TagRow[]>(EMPTY_TAGS);
  const [sent, setSent] = useState<CreateBackupInput | null>(null);
  const [create, { loading, data, reset }] = useMutation(CreateBackupDocument, {
    update(cache, { data: result }) {
      if (result?.createBackup.__typename === 'CreateBackupSuccess') addCreatedBackup(cache, result.createBackup.backup);
    },
  });
  const result = data?.createBackup;
  const failure = result && result.__typename !== 'CreateBackupSuccess' ? result : undefined;
  const errors = useFieldErrors(failure);

  const send = async (input: CreateBackupInput) => {
    if (loading) return;
    setSent(input);
    const { data: answer } = await create({ variables: { input } });
    if (answer?.createBackup.__typename !== 'CreateBackupSuccess') return;
    const { backupId, region, accountId } = answer.createBackup.backup;
    setToken('');
    setTags(EMPTY_TAGS);
    setSent(null);
    reset();
    onCreated({
      backupId,
      region,
      account: accountArg(accountId),
      name: `Backup ${backupId}${input.volumeId && volume ? ` of volume ${volume.name}` : ''}`,
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const given = givenTags(tags);
    // A token is made when none is given, so Retry is safe.
    void send({
      ...(perVolume ? { volumeId: volume?.volumeId ?? '' } : { fileSystemId }),
      region: fileSystem.region,
      account: accountArg(fileSystem.accountId),
      clientRequestToken: token.trim() || newClientRequestToken(),
      ...(given.length ? { tags: given } : {}),
    });
  };

  return (
    <form id={id} className="create-form" onSubmit={submit} aria-label="Create backup" noValidate>
      <div className="form-row">
        {perVolume ? (
          <VolumeChoice fileSystem={fileSystem} value={volume} onChange={setVolume} errors={errors} />
        ) : (
          <FileSystemChoice current={fileSystem} value={fileSystemId} onChange={setFileSystemId} errors={errors} />
        )}
        <label className="field grow">
          <span>
            Client request token <span className="muted">(optional)</span>
          </span>
          <input
            value={token}
            onChange={(e) => setToken(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            placeholder="made for you when empty"
            aria-invalid={errors.has('clientRequestToken')}
            aria-describedby={errors.describedBy('clientRequestToken')}
          />
          {errors.errorOf('clientRequestToken')}
        </label>
      </div>
      <TagsFieldset tags={tags} onChange={setTags} errors={errors} />
      {failure ? (
        <ErrorResultBox error={failure} busy={loading} onRetry={sent ? () => void send(sent) : undefined} onField={onField} />
      ) : null}
      <div className="actions">
        {/* aria-disabled, not disabled, while sending: a disabled button would drop the keyboard focus. */}
        <button type="submit" className="button primary" aria-disabled={loading}>
          {loading ? 'Creating…' : 'Create backup'}
        </button>
      </div>
    </form>
  );
}
