import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsFileSystemId, IsVolumeId } from '../validation/fsx-constraint.decorators';
import { AccountField, ClientRequestTokenField, RegionField } from '../validation/input-fields';
import type { InvalidInput } from '../results/error-result';
import { fieldError, invalidInput } from '../results/invalid-input';
import { type TagInput, TagsField } from './tag.input';

@InputType('CreateBackupInput', { description: 'FSx CreateBackup: give exactly one of fileSystemId or volumeId.' })
export class CreateBackupInput {
  @Field(() => String, {
    nullable: true,
    description: 'The file system to back up, e.g. fs-0123456789abcdef0 (Windows, Lustre persistent, OpenZFS).',
  })
  @IsOptional()
  @IsFileSystemId()
  fileSystemId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The ONTAP volume to back up, e.g. fsvol-0123456789abcdef0 (FSx for NetApp ONTAP backs up volumes, not file systems).',
  })
  @IsOptional()
  @IsVolumeId()
  volumeId?: string | null;

  @RegionField()
  region?: string | null;

  @AccountField()
  account?: string | null;

  @ClientRequestTokenField(
    'Idempotency token, 1–255 of [A-za-z0-9_.-] (the seed; note A-z includes [ \\ ] ^ _ and `). Omit it and the gateway generates one and returns it.',
  )
  clientRequestToken?: string | null;

  @TagsField('1–50 tags with unique keys. The Name tag is the backup name in the console.')
  tags?: TagInput[] | null;
}

/** What a CreateBackup backs up: a file system or a volume, never both. */
export type BackupTarget = { fileSystemId: string; volumeId?: undefined } | { volumeId: string; fileSystemId?: undefined };

/**
 * The one target of a createBackup: exactly one of fileSystemId and volumeId (FSx's rule, which its
 * model does not encode: both are optional there). Otherwise InvalidInput naming both fields.
 */
export function backupTarget(input: CreateBackupInput): BackupTarget | InvalidInput {
  if (input.fileSystemId && !input.volumeId) return { fileSystemId: input.fileSystemId };
  if (input.volumeId && !input.fileSystemId) return { volumeId: input.volumeId };
  const message = `exactly one of fileSystemId (a file system backup) and volumeId (an ONTAP volume backup) must be given, ${input.fileSystemId ? 'not both' : 'none was'}`;
  return invalidInput([
    fieldError(['input', 'fileSystemId'], 'exactlyOneOf', message),
    fieldError(['input', 'volumeId'], 'exactlyOneOf', message),
  ]);
}
