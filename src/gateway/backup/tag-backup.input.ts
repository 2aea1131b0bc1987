import { Field, InputType } from 'type-graphql';
import { FSX } from '../../fsx-model';
import { IsListOf, IsTagKey, compose } from '../validation/fsx-constraint.decorators';
import { AccountField, BackupIdField, RegionField } from '../validation/input-fields';
import { RequiredTagsField, type TagInput } from './tag.input';

@InputType('TagBackupInput', {
  description: "FSx TagResource on the backup's ARN: adds the tags, or gives a key the backup already has its new value.",
})
export class TagBackupInput {
  @BackupIdField('The backup to tag, e.g. backup-0123456789abcdef0.')
  backupId!: string;

  @RegionField()
  region?: string | null;

  @AccountField()
  account?: string | null;

  @RequiredTagsField('1–50 tags with unique keys, as on createBackup. A backup holds at most 50 tags in all (ServiceLimitExceeded beyond).')
  tags!: TagInput[];
}

@InputType('UntagBackupInput', { description: "FSx UntagResource on the backup's ARN: removes the tags with these keys." })
export class UntagBackupInput {
  @BackupIdField('The backup to untag, e.g. backup-0123456789abcdef0.')
  backupId!: string;

  @RegionField()
  region?: string | null;

  @AccountField()
  account?: string | null;

  @Field(() => [String], { description: '1–50 tag keys, each as a tag key on createBackup. A key the backup does not have is ignored.' })
  @TagKeysField()
  tagKeys!: string[];
}

/** FSx TagKeys: 1–50 keys, each a TagKey outside the reserved `aws:` namespace. */
function TagKeysField(): PropertyDecorator {
  return compose(IsListOf(FSX.TagKeys), IsTagKey({ each: true }));
}
