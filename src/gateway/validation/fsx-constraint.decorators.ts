import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
  type ValidationOptions,
  registerDecorator,
} from 'class-validator';
import { type Constraint, FSX, RESERVED_TAG_KEY_PREFIX } from '../../fsx-model';
import { ACCOUNT_ID } from '../fsx/accounts';

type Options = Pick<ValidationOptions, 'each'>;

/** Several property decorators as one. */
export const compose =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, property) =>
    decorators.forEach((decorate) => decorate(target, property));

/**
 * One FSx string shape on an input field: its length bounds and pattern from the model, checked as
 * class-validator's isLength and matches (the constraint names clients read in fieldErrors).
 */
function FsxString(constraint: Constraint, hint: string, options: Options = {}): PropertyDecorator {
  const decorators = [Length(constraint.min ?? 0, constraint.max, options)];
  // Registered pattern first, as stacked `@Length @Matches` decorators would be (they apply bottom-up).
  if (constraint.pattern)
    decorators.unshift(Matches(constraint.pattern, { ...options, message: `${options.each ? 'each value in ' : ''}$property ${hint}` }));
  return compose(...decorators);
}

export const IsFileSystemId = (options?: Options) =>
  FsxString(FSX.FileSystemId, 'must look like fs-0123456789abcdef0 (fs- and 8 or more lowercase hex digits)', options);
export const IsBackupId = (options?: Options) =>
  FsxString(FSX.BackupId, 'must look like backup-0123456789abcdef0 (backup- and 8 or more lowercase hex digits)', options);
export const IsVolumeId = (options?: Options) =>
  FsxString(FSX.VolumeId, 'must look like fsvol-0123456789abcdef0 (fsvol- and 17 hex digits)', options);
export const IsClientRequestToken = () => FsxString(FSX.ClientRequestToken, 'may contain only the characters [A-za-z0-9_.-]');
export const IsTagValue = () => FsxString(FSX.TagValue, 'may contain only letters, numbers, spaces and _ . : / = + - @');

/**
 * A tag key of the model that is not in the `aws:` namespace AWS reserves (a rule the model does not
 * encode); with `each`, every key of a list (untagBackup's tagKeys).
 */
export function IsTagKey(options: Options = {}): PropertyDecorator {
  const shape = FsxString(FSX.TagKey, 'may contain only letters, numbers, spaces and _ . : / = + - @', options);
  return (target, property) => {
    shape(target, property);
    registerDecorator({
      name: 'notReservedTagKey',
      target: target.constructor,
      propertyName: property as string,
      options: { ...options, message: 'tag keys starting with "aws:" are reserved by AWS' },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !RESERVED_TAG_KEY_PREFIX.test(value) },
    });
  };
}

/** The description of every `region` argument and input field. */
export const REGION_DESCRIPTION =
  "The AWS Region, one the gateway serves in the account (FSX_REGIONS, or the account's regions in FSX_ACCOUNTS). Default: the first of them.";

export const IsRegion = () => FsxString(FSX.Region, 'must be a region name such as us-east-1');

/** The description of every `account` argument and input field. */
export const ACCOUNT_DESCRIPTION =
  'The AWS account (12 digits), one the gateway serves to you (Query.accounts). Default: the first of them. Another is InvalidInput isServedAccount.';

/** FSx's AWSAccountId: 12 digits. */
export const IsAccountId = () => FsxString({ pattern: ACCOUNT_ID }, 'must be a 12-digit AWS account id');

export const IsKmsKeyId = () => FsxString(FSX.KmsKeyId, 'must be a KMS key id or ARN');
export const IsSubnetId = (options?: Options) => FsxString(FSX.SubnetId, 'must look like subnet-0123456789abcdef0', options);
export const IsSecurityGroupId = (options?: Options) => FsxString(FSX.SecurityGroupId, 'must look like sg-0123456789abcdef0', options);
export const IsDirectoryId = () => FsxString(FSX.DirectoryId, 'must look like d-0123456789');
export const IsStorageVirtualMachineId = () =>
  FsxString(FSX.StorageVirtualMachineId, 'must look like svm-0123456789abcdef0 (svm- and 17 hex digits)');
export const IsVolumeName = () => FsxString(FSX.VolumeName, 'must be 1–203 characters without line breaks or NUL');
export const IsJunctionPath = () => FsxString(FSX.JunctionPath, 'must be a path such as /vol3, without line breaks or NUL');
export const IsSnapshotPolicy = () => FsxString(FSX.SnapshotPolicy, 'must name a snapshot policy, 1–255 characters');
/** FSx DailyTime: HH:MM in UTC (the model's pattern makes the colon optional, its length of 5 makes it required). */
export const IsDailyTime = () => FsxString(FSX.DailyTime, 'must be a time of day HH:MM in UTC, e.g. 05:30');

/** An FSx integer shape's bounds, as class-validator's min and max. */
export function IsWithin(constraint: Constraint): PropertyDecorator {
  return compose(Min(constraint.min ?? Number.MIN_SAFE_INTEGER), Max(constraint.max ?? Number.MAX_SAFE_INTEGER));
}

/** A list of FSx shape `list` (item-count bounds), e.g. SubnetIds. */
export function IsListOf(list: Constraint): PropertyDecorator {
  return compose(ArrayMinSize(list.min ?? 0), ArrayMaxSize(list.max ?? Number.MAX_SAFE_INTEGER));
}

/** 1–50 tags with unique keys, each validated as a TagInput. */
export function IsTags(): PropertyDecorator {
  return compose(
    IsListOf(FSX.Tags),
    ArrayUnique((tag: { key?: string } | null) => tag?.key, { message: 'tags must have unique keys' }),
    ValidateNested({ each: true }),
  );
}
