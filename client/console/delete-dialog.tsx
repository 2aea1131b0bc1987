import { useMutation } from '@apollo/client';
import { type RefObject, useRef, useState } from 'react';
import { DeleteBackupDocument } from '../generated/graphql';
import { accountArg } from './account-select';
import type { Action, Notify } from './backup-actions';
import { Dialog } from './dialog';
import { ErrorResultBox } from './error-result';
import { nameTag, newClientRequestToken } from './format';

/**
 * Delete, after a confirmation that opens on Cancel (Enter must not delete by accident). On success
 * the backup leaves the cache, its row goes, and focus lands on `fallbackFocus`.
 */
export function DeleteDialog({
  action,
  onClose,
  notify,
  fallbackFocus,
}: {
  action: Action | null;
  onClose: () => void;
  notify: Notify;
  fallbackFocus: RefObject<HTMLElement>;
}) {
  const backup = action?.kind === 'delete' ? action.backup : null;
  const cancel = useRef<HTMLButtonElement>(null);
  const [token, setToken] = useState(newClientRequestToken);
  const [deleted, setDeleted] = useState(false);
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
    setDeleted(false);
    setToken(newClientRequestToken());
    onClose();
  };
  const confirm = async () => {
    if (!backup || loading) return;
    const { data: result } = await run({
      variables: {
        input: { backupId: backup.backupId, region: backup.region, account: accountArg(backup.accountId), clientRequestToken: token },
      },
    });
    if (result?.deleteBackup.__typename === 'DeleteBackupSuccess') {
      notify(`Backup ${backup.backupId} deleted.`);
      close();
      // Its row (and the button that opened this) goes: focus goes to the list instead.
      setDeleted(true);
    }
  };
  return (
    <Dialog
      title="Delete backup?"
      open={backup !== null}
      onClose={close}
      opener={action?.opener}
      initialFocus={cancel}
      fallbackFocus={fallbackFocus}
      returnToOpener={!deleted}
    >
      {backup ? (
        <>
          <p>
            Delete <span className="mono">{backup.backupId}</span>
            {nameTag(backup.tags) ? ` (${nameTag(backup.tags)})` : ''}? This cannot be undone.
          </p>
          {failure ? <ErrorResultBox error={failure} onRetry={() => void confirm()} busy={loading} /> : null}
          <div className="actions">
            <button type="button" className="button danger" onClick={() => void confirm()} aria-disabled={loading}>
              {loading ? 'Deleting…' : 'Delete backup'}
            </button>
            <button type="button" className="button" onClick={close} ref={cancel}>
              Cancel
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
