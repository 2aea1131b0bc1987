import { useMutation } from '@apollo/client';
import { TagBackupDocument, UntagBackupDocument } from '../generated/graphql';
import { accountArg } from './account-select';
import { LEGAL_HOLD_TAG, type ListedBackup } from './deletion-guards';
import type { ErrorLike } from './error-result';

/**
 * Places or lifts a backup's legal hold (the hold tag, through tagBackup / untagBackup; the gateway
 * wants backups:hold for it, so the console shows this only to callers with that scope). On or off is
 * what the gateway says keeps the backup (deletionBlockedBy has LEGAL_HOLD), not the tag the console
 * thinks it set: the answer carries it, so the row follows at once.
 */
export function LegalHoldSwitch({ backup, onError }: { backup: ListedBackup; onError: (error: ErrorLike) => void }) {
  const held = backup.deletionBlockedBy?.includes('LEGAL_HOLD') ?? false;
  const [tag, tagging] = useMutation(TagBackupDocument);
  const [untag, untagging] = useMutation(UntagBackupDocument);
  const busy = tagging.loading || untagging.loading;
  const input = { backupId: backup.backupId, region: backup.region, account: accountArg(backup.accountId) };

  const toggle = async () => {
    if (busy) return;
    const answer = held
      ? (await untag({ variables: { input: { ...input, tagKeys: [LEGAL_HOLD_TAG] } } })).data?.untagBackup
      : (await tag({ variables: { input: { ...input, tags: [{ key: LEGAL_HOLD_TAG, value: 'true' }] } } })).data?.tagBackup;
    if (!answer) return;
    if (answer.__typename !== 'TagBackupSuccess' && answer.__typename !== 'UntagBackupSuccess') return onError(answer);
    if (answer.backup.deletionBlockedBy.includes('LEGAL_HOLD') === held) {
      onError({
        __typename: 'LegalHoldNotChanged',
        message: `The tag ${LEGAL_HOLD_TAG} was ${held ? 'removed' : 'set'}, but the gateway still ${held ? 'holds' : 'does not hold'} ${backup.backupId}: its legal-hold tag (DELETION_GUARDS.legalHoldTagKey) is another one.`,
        retryable: false,
      });
    }
  };

  return (
    <label className="hold-switch small">
      <input
        type="checkbox"
        role="switch"
        checked={held}
        aria-label={`Legal hold on ${backup.backupId}`}
        aria-busy={busy}
        onChange={() => void toggle()}
      />{' '}
      Legal hold
    </label>
  );
}
