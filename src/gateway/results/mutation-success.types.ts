import { Field, ObjectType } from 'type-graphql';
import { BackupLifecycle } from '../fsx/enums.generated';
import { Backup, FileSystem, Volume } from '../fsx/shapes.generated';

// The success member of each mutation's result union (unions.ts), which the services build: what the
// mutation made or changed, and where FSx deduplicates, the token to send again on a retry.

@ObjectType('CreateBackupSuccess', { simpleResolvers: true })
export class CreateBackupSuccess {
  @Field(() => Backup, { description: 'The new backup (or, on an idempotent retry, the one the token created), usually still CREATING.' })
  backup!: Backup;

  @Field({
    description: 'The token FSx deduplicated on: the one you sent, or the one the gateway generated. Send it again to retry safely.',
  })
  clientRequestToken!: string;
}

@ObjectType('DeleteBackupSuccess', { simpleResolvers: true })
export class DeleteBackupSuccess {
  @Field()
  backupId!: string;

  @Field(() => BackupLifecycle, { nullable: true, description: 'DELETED: the backup then disappears from backup queries.' })
  lifecycle?: BackupLifecycle | null;

  @Field({ description: 'The token FSx deduplicated on: the one you sent, or the one the gateway generated.' })
  clientRequestToken!: string;
}

@ObjectType('DeleteBackupAllowed', {
  simpleResolvers: true,
  description:
    'deleteBackup with dryRun: no deletion guard of the gateway keeps this backup. Nothing was deleted. FSx may still refuse the real deletion for its own reasons (e.g. BackupInProgress while the backup is being made).',
})
export class DeleteBackupAllowed {
  @Field()
  backupId!: string;
}

@ObjectType('CopyBackupSuccess', { simpleResolvers: true })
export class CopyBackupSuccess {
  @Field(() => Backup, {
    description: 'The copy, in the destination region, COPYING until AVAILABLE; sourceBackup leads back to the original.',
  })
  backup!: Backup;

  @Field({ description: 'The token FSx deduplicated on: the one you sent, or the one the gateway generated.' })
  clientRequestToken!: string;
}

@ObjectType('RestoreBackupSuccess', { simpleResolvers: true })
export class RestoreBackupSuccess {
  @Field(() => FileSystem, { description: 'The new file system, CREATING until AVAILABLE.' })
  fileSystem!: FileSystem;

  @Field({ description: 'The token FSx deduplicated on: the one you sent, or the one the gateway generated.' })
  clientRequestToken!: string;
}

@ObjectType('RestoreVolumeSuccess', { simpleResolvers: true })
export class RestoreVolumeSuccess {
  @Field(() => Volume, { description: 'The new volume, CREATING until CREATED.' })
  volume!: Volume;

  @Field({ description: 'The token FSx deduplicated on: the one you sent, or the one the gateway generated.' })
  clientRequestToken!: string;
}

@ObjectType('UpdateBackupSettingsSuccess', { simpleResolvers: true })
export class UpdateBackupSettingsSuccess {
  @Field(() => FileSystem, { description: 'The file system as FSx answered the update; backupSettings shows the new settings.' })
  fileSystem!: FileSystem;
}

@ObjectType('TagBackupSuccess', { simpleResolvers: true })
export class TagBackupSuccess {
  @Field(() => Backup, {
    description:
      'The backup with its tags after the change: the tags the gateway read just before, with the new ones laid over them (as FSx does).',
  })
  backup!: Backup;
}

@ObjectType('UntagBackupSuccess', { simpleResolvers: true })
export class UntagBackupSuccess {
  @Field(() => Backup, {
    description: 'The backup with its tags after the change: the tags the gateway read just before, without these keys.',
  })
  backup!: Backup;
}
