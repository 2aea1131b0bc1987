import { type Principal, SCOPES } from '../auth/principal';
import { Forbidden, result } from '../results/error-result';
import type { DeletionGuards } from './deletion-guards';

/**
 * A legal hold is lifted by whoever may change its tag, so the tag is the hold's scope's alone: setting
 * it (any value: `false` would lift it), removing it, or creating or copying a backup that carries it
 * needs backups:hold, on top of backups:write. So does restoring a file system or volume that carries
 * it: with copyTagsToBackups, every backup made of it later would be held. Checked on the input alone, before any FSx call: the
 * answer is the same whether the backup exists or not. (A copy made with copyTags of a held backup is
 * held too, without the scope: the hold follows the data, and only backups:hold can lift it.)
 */
export function holdScopeMissing(
  principal: Principal,
  guards: DeletionGuards,
  tags: readonly (string | { key: string })[] | null | undefined,
): Forbidden | undefined {
  const keys = (tags ?? []).map((tag) => (typeof tag === 'string' ? tag : tag.key));
  if (principal.scopes.has(SCOPES.hold) || !guards.touchesHold(keys)) return undefined;
  return result(Forbidden, {
    message: `Setting or removing the legal-hold tag ${guards.legalHoldTagKey} needs the scope ${SCOPES.hold}, which your credentials do not grant`,
    retryable: false,
    requestId: null,
    missingScopes: [SCOPES.hold],
  });
}
