import { Field, Int, InterfaceType, ObjectType } from 'type-graphql';
import { ActiveDirectoryErrorType, ServiceLimit } from '../fsx/enums.generated';
import { DeletionRule } from './deletion-rule';

/**
 * What every typed failure has in common, so a client can handle all of them with `... on ErrorResult`
 * and switch on `__typename` only for the ones it treats specially.
 */
@InterfaceType('ErrorResult', { description: 'A request FSx or the gateway refused. Switch on __typename; never parse message.' })
export abstract class ErrorResult {
  @Field({ description: 'Human-readable explanation. For display and logs only: its wording may change.' })
  message!: string;

  @Field({ description: 'True when the same request may succeed if sent again later (after a pause).' })
  retryable!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The FSx request id (x-amzn-RequestId), for AWS support cases. Null when the gateway refused the request itself.',
  })
  requestId?: string | null;
}

/** Options of an error result type: it implements ErrorResult and reads plain fields. */
const errorType = (description: string) => ({ implements: ErrorResult, simpleResolvers: true, description });

@ObjectType(errorType('FSx rejected the request as malformed (a constraint the gateway does not check, or a bad pagination token).'))
export class BadRequest extends ErrorResult {}

// The ids below are non-null like FileSystem.fileSystemId and Backup.backupId: GraphQL refuses a
// selection that reads one response key with two nullabilities across a union's members.
@ObjectType(errorType('Another backup of this file system (or volume) is already under way. Retry after it completes.'))
export class BackupInProgress extends ErrorResult {
  @Field({ description: "The file system that is busy (for a volume backup: the volume's); empty when it is not known." })
  fileSystemId!: string;

  @Field({ description: 'For a volume backup: the volume that is busy. Empty for a file system backup.' })
  volumeId!: string;
}

/** The `region` field of every not-found result. */
const LOOKED_IN = {
  nullable: true,
  description: 'The region the gateway looked in (the `region` argument, else the default region); null when it is not known.',
};

@ObjectType(errorType('No file system with this id exists (or it is not visible to the caller).'))
export class FileSystemNotFound extends ErrorResult {
  @Field({ description: 'The file system FSx did not find; empty when FSx did not say which.' })
  fileSystemId!: string;
  @Field(() => String, LOOKED_IN)
  region!: string | null;
}

@ObjectType(errorType('No backup with this id exists (or it is not visible to the caller).'))
export class BackupNotFound extends ErrorResult {
  @Field({ description: 'The backup FSx did not find; empty when FSx did not say which.' })
  backupId!: string;
  @Field(() => String, LOOKED_IN)
  region!: string | null;
}

@ObjectType(errorType('No volume with this id exists (or it is not visible to the caller).'))
export class VolumeNotFound extends ErrorResult {
  @Field({ description: 'The volume FSx did not find; empty when FSx did not say which.' })
  volumeId!: string;
  @Field(() => String, LOOKED_IN)
  region!: string | null;
}

@ObjectType(errorType('No storage virtual machine with this id exists (or it is not visible to the caller).'))
export class StorageVirtualMachineNotFound extends ErrorResult {
  @Field({ description: 'The storage virtual machine FSx did not find; empty when FSx did not say which.' })
  storageVirtualMachineId!: string;
  @Field(() => String, LOOKED_IN)
  region!: string | null;
}

@ObjectType(
  errorType('The volume restore lacks the configuration its volume type requires (ontapConfiguration with storageVirtualMachineId).'),
)
export class MissingVolumeConfiguration extends ErrorResult {}

@ObjectType(errorType('The backup is being restored to a file system; it can be deleted once the restore finishes.'))
export class BackupRestoring extends ErrorResult {
  @Field(() => String, { nullable: true, description: 'The file system being restored from this backup.' })
  restoringFileSystemId?: string | null;
}

@ObjectType(errorType('The backup is being copied (within its region or to another); it can be deleted once the copy finishes.'))
export class BackupBeingCopied extends ErrorResult {}

@ObjectType(errorType('The client request token was already used with different parameters.'))
export class IncompatibleParameterError extends ErrorResult {
  @Field(() => String, { nullable: true, description: 'The parameter whose value differs from the first request with this token.' })
  parameter?: string | null;
}

@ObjectType(
  errorType('FSx failed, or could not be reached in time. Retryable: createBackup retries are safe with the same clientRequestToken.'),
)
export class InternalServerError extends ErrorResult {}

@ObjectType(errorType('An account quota was reached, e.g. TOTAL_USER_INITIATED_BACKUPS.'))
export class ServiceLimitExceeded extends ErrorResult {
  @Field(() => ServiceLimit, { nullable: true })
  limit?: ServiceLimit | null;
}

@ObjectType(errorType('FSx cannot do this for this resource, e.g. backing up a Lustre scratch, S3-linked Lustre or ONTAP file system.'))
export class UnsupportedOperation extends ErrorResult {}

@ObjectType(
  errorType('The source backup of a copy is not AVAILABLE yet (still being created, copied, or it failed). Retry once it is AVAILABLE.'),
)
export class SourceBackupUnavailable extends ErrorResult {
  @Field({ description: 'The source backup.' })
  backupId!: string;
}

@ObjectType(errorType('The region is not one FSx knows, or not one the copy can come from.'))
export class InvalidRegion extends ErrorResult {}

@ObjectType(errorType('The destination region does not support Multi-AZ file systems of this type, so this backup cannot be copied there.'))
export class IncompatibleRegionForMultiAZ extends ErrorResult {}

@ObjectType(errorType('The KMS key of the source backup is not valid, or FSx cannot use it.'))
export class InvalidSourceKmsKey extends ErrorResult {}

@ObjectType(errorType('The KMS key given for the copy is not valid, or FSx cannot use it in the destination region.'))
export class InvalidDestinationKmsKey extends ErrorResult {}

@ObjectType(errorType('The restore lacks the configuration its file system type requires (e.g. windowsConfiguration.throughputCapacity).'))
export class MissingFileSystemConfiguration extends ErrorResult {}

@ObjectType(errorType('A subnet, security group or route table of the request is not valid.'))
export class InvalidNetworkSettings extends ErrorResult {
  @Field(() => String, { nullable: true })
  invalidSubnetId?: string | null;
  @Field(() => String, { nullable: true })
  invalidSecurityGroupId?: string | null;
  @Field(() => String, { nullable: true })
  invalidRouteTableId?: string | null;
}

@ObjectType(errorType('FSx cannot reach or join the Active Directory of the restored Windows file system.'))
export class ActiveDirectoryError extends ErrorResult {
  @Field(() => String, { nullable: true })
  activeDirectoryId?: string | null;
  @Field(() => ActiveDirectoryErrorType, { nullable: true })
  type?: ActiveDirectoryErrorType | null;
}

@ObjectType(errorType('perUnitStorageThroughput is not one the Lustre deployment type allows.'))
export class InvalidPerUnitStorageThroughput extends ErrorResult {}

@ObjectType(
  errorType(
    "FSx is throttling this account's API calls, or the gateway's own budget of FSx calls (FSX_MAX_CALLS_PER_SECOND) stayed spent for longer than a call may wait. Send the same request again after retryAfterSeconds.",
  ),
)
export class Throttled extends ErrorResult {
  @Field(() => Int, { description: 'Seconds to wait before sending the same request again.' })
  retryAfterSeconds!: number;
}

@ObjectType(errorType('Any other FSx error, including codes this gateway does not know yet. `code` is the FSx error name.'))
export class FsxServiceError extends ErrorResult {
  @Field({ description: 'The FSx error code, e.g. ThrottlingException.' })
  code!: string;
}

@ObjectType(errorType('Your credentials do not grant the scope this operation needs. Ask for it; retrying will not help.'))
export class Forbidden extends ErrorResult {
  @Field(() => [String], { description: 'The scopes the operation needs and the credentials lack, e.g. ["backups:write"].' })
  missingScopes!: string[];
}

@ObjectType(
  errorType(
    'A deletion guard of the gateway (DELETION_GUARDS) keeps this backup: nothing was sent to FSx. Not retryable as it stands: the rule must stop applying first.',
  ),
)
export class DeletionBlocked extends ErrorResult {
  @Field({ description: 'The backup that is kept.' })
  backupId!: string;

  @Field(() => DeletionRule, { description: 'The guard that keeps it (the first, when several do).' })
  rule!: DeletionRule;
}

@ObjectType('FieldError', { simpleResolvers: true, description: 'One input constraint that failed.' })
export class FieldError {
  @Field(() => [String], { description: 'Where in the arguments, e.g. ["input", "tags", "3", "key"].' })
  path!: string[];

  @Field({ description: 'The class-validator constraint that failed, e.g. matches, maxLength, arrayMaxSize, uniqueTagKeys, cursor.' })
  constraint!: string;

  @Field()
  message!: string;
}

@ObjectType(errorType('The gateway refused the arguments before calling FSx: nothing was sent. See fieldErrors.'))
export class InvalidInput extends ErrorResult {
  @Field(() => [FieldError])
  fieldErrors!: FieldError[];
}

/** A result class: union members resolve by class, so each result is an instance of one. */
export type ResultType = abstract new () => object;

/** Builds a result instance (union members resolve by class, so results must be instances). */
export function result<T extends object>(type: new () => T, fields: Partial<T>): T {
  return Object.assign(new type(), fields);
}
