/**
 * CopyBackup: a copy of a backup of this account, into the request's region (the destination), from
 * SourceRegion (absent: the same region). The copy is COPYING until AVAILABLE on the lifecycle clock.
 * Where FSx does not document a behaviour the code says it guesses (see docs/emulator.md).
 */
import type { OperationContext } from '../context';
import { newResourceId, partitionOf } from '../ids';
import { kmsKeyProblem } from '../kms';
import { FsxError, serviceLimitExceeded } from '../protocol/errors';
import { defaultKmsKeyArn } from '../store/file-system-factory';
import type { BackupRecord } from '../store/records';
import { FSX, isAwsRegion } from '../../fsx-model';
import {
  checkString,
  optionalBoolean,
  optionalString,
  requireString,
  validateClientRequestToken,
  validateTags,
  type Tag,
} from '../validation';
import { backupState, backupToWire } from '../wire';
import { checkUserBackupQuota, injectedFailure } from './backup-checks';
import { assertSameRequest, requestFingerprint } from './idempotency';
import { mergeTags } from './tags';

/** "You can have up to five backup copy requests in progress to a single destination Region per account." (FSx API reference) */
const COPY_BACKUPS_IN_PROGRESS_LIMIT = 5;

/**
 * The region a backup is copied from: a real AWS Region (the SDK's partition data lists it, see
 * src/fsx-model/aws-regions.generated.ts) or one this emulator serves, in the destination's partition.
 * A real Region the emulator does not serve is an FSx Region with nothing in it, as far as this account
 * knows: the source backup is not found there (BackupNotFound), which is what FSx answers when it
 * looks. A name that is no Region at all is InvalidRegion.
 */
function sourceRegionOf(input: Record<string, unknown>, ctx: OperationContext): string {
  const given = optionalString(input, 'SourceRegion');
  if (given === undefined) return ctx.region;
  checkString('SourceRegion', given, FSX.Region);
  if (!ctx.regions.has(given) && !isAwsRegion(given))
    throw new FsxError('InvalidRegion', `SourceRegion '${given}' is not a valid AWS Region.`);
  if (partitionOf(given) !== partitionOf(ctx.region)) {
    throw new FsxError(
      'InvalidRegion',
      `SourceRegion '${given}' is in partition ${partitionOf(given)}; backups can be copied only within a partition (${ctx.region} is in ${partitionOf(ctx.region)}).`,
    );
  }
  return given;
}

/** Guess: the merged tag set (source tags overridden by Tags) over the per-resource limit is the tag limit FSx answers for TagResource. */
const copyTags = (source: BackupRecord, tags: Tag[] | undefined, copy: boolean): Tag[] =>
  copy ? mergeTags(source.tags, tags ?? []) : (tags ?? []);

export function copyBackup(input: Record<string, unknown>, ctx: OperationContext) {
  // 1. Shape validation, then the source region.
  const token = validateClientRequestToken(input);
  const sourceBackupId = checkString('SourceBackupId', requireString(input, 'SourceBackupId'), FSX.SourceBackupId);
  const kmsKeyId = optionalString(input, 'KmsKeyId');
  if (kmsKeyId !== undefined) checkString('KmsKeyId', kmsKeyId, FSX.KmsKeyId);
  const copyTagsFlag = optionalBoolean(input, 'CopyTags') ?? false;
  const tags = validateTags(input, 'Tags');
  const sourceRegion = sourceRegionOf(input, ctx);
  const { store } = ctx;

  // 2. Idempotency before any state check: a replay of a copy that was accepted is accepted again.
  //    Absent and explicit defaults are the same request; tag order does not matter (a guess).
  const request = {
    SourceBackupId: sourceBackupId,
    SourceRegion: sourceRegion,
    KmsKeyId: kmsKeyId,
    CopyTags: copyTagsFlag,
    Tags: tags,
  };
  if (token !== undefined) {
    const previous = store.getToken('copyBackup', token);
    if (previous) {
      assertSameRequest(previous.request, request);
      const existing = store.getBackup(previous.backupId);
      if (existing) return { Backup: backupToWire(existing, ctx) };
    }
  }

  // 3. The source.
  // A Region this emulator does not serve holds no backups of this account (see sourceRegionOf).
  const source = ctx.regions.store(sourceRegion)?.getBackup(sourceBackupId);
  if (!source) throw new FsxError('BackupNotFound', `Backup '${sourceBackupId}' does not exist in ${sourceRegion}.`);
  const now = ctx.clock.now();
  const { lifecycle } = backupState(source, now);
  if (lifecycle !== 'AVAILABLE') {
    throw new FsxError(
      'SourceBackupUnavailable',
      `The source backup ${sourceBackupId} is ${lifecycle}; only an AVAILABLE backup can be copied.`,
      400,
      { BackupId: sourceBackupId },
    );
  }
  if (source.volume) {
    // The CopyBackup reference covers Windows, Lustre and OpenZFS backups; ONTAP volume backups are not among them.
    throw new FsxError(
      'UnsupportedOperation',
      `Backup ${sourceBackupId} is an ONTAP volume backup; CopyBackup does not copy volume backups.`,
    );
  }
  const windowsDeployment = source.fileSystem.windowsConfiguration?.DeploymentType;
  if (source.fileSystem.fileSystemType === 'WINDOWS' && windowsDeployment === 'MULTI_AZ_1' && ctx.noMultiAzRegions.has(ctx.region)) {
    throw new FsxError(
      'IncompatibleRegionForMultiAZ',
      `Amazon FSx doesn't support Multi-AZ Windows File Server in ${ctx.region}, so a copy of the MULTI_AZ_1 backup ${sourceBackupId} could not be restored there.`,
    );
  }
  const sourceKeyProblem = source.kmsKeyId === undefined ? undefined : kmsKeyProblem(source.kmsKeyId, sourceRegion);
  if (sourceKeyProblem) throw new FsxError('InvalidSourceKmsKey', `The KMS key of the source backup is not valid: ${sourceKeyProblem}.`);
  const destinationKeyProblem = kmsKeyId === undefined ? undefined : kmsKeyProblem(kmsKeyId, ctx.region);
  if (destinationKeyProblem) throw new FsxError('InvalidDestinationKmsKey', `KmsKeyId is not valid: ${destinationKeyProblem}.`);

  // 4. Quotas of the destination region.
  let inProgress = 0;
  let userInitiated = 0;
  for (const b of store.listBackups()) {
    // Only a copy is ever COPYING.
    if (backupState(b, now).lifecycle === 'COPYING') inProgress++;
    if (b.type === 'USER_INITIATED') userInitiated++;
  }
  if (inProgress >= COPY_BACKUPS_IN_PROGRESS_LIMIT) {
    throw serviceLimitExceeded(
      'TOTAL_IN_PROGRESS_COPY_BACKUPS',
      `You can have up to ${COPY_BACKUPS_IN_PROGRESS_LIMIT} backup copy requests in progress to ${ctx.region} per account.`,
    );
  }
  // Guess: a copy is a user-initiated backup of its region, so it counts against that quota too.
  checkUserBackupQuota(ctx, userInitiated);

  // 5. The copy.
  const copy: BackupRecord = {
    backupId: newResourceId('backup'),
    // Guess: a copy is USER_INITIATED, whatever the source's type.
    type: 'USER_INITIATED',
    createdAtMs: now,
    durationMs: ctx.backupDurationMs,
    fileSystemId: source.fileSystemId,
    fileSystem: { ...structuredClone(source.fileSystem), region: source.fileSystem.region ?? sourceRegion },
    tags: copyTags(source, tags, copyTagsFlag),
    // Guess: without KmsKeyId an in-Region copy keeps the source's key; a cross-Region one uses the destination's aws/fsx key.
    kmsKeyId: kmsKeyId ?? (sourceRegion === ctx.region ? source.kmsKeyId : defaultKmsKeyArn(ctx.region, ctx.accountId)),
    sourceBackupId,
    sourceBackupRegion: sourceRegion,
    failure: injectedFailure(ctx, 'backup copy'),
  };
  store.putBackup(copy);
  if (token !== undefined) store.putToken('copyBackup', token, { backupId: copy.backupId, request: requestFingerprint(request) });
  return { Backup: backupToWire(copy, ctx) };
}
