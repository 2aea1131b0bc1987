import { Field, ObjectType, createUnionType } from 'type-graphql';
import { BackupLifecycle } from '../fsx/enums.generated';
import { Backup } from '../fsx/shapes.generated';
import {
  BackupNotFound,
  FileSystemNotFound,
  Forbidden,
  FsxServiceError,
  InternalServerError,
  InvalidInput,
  type ResultType,
  Throttled,
} from '../results/error-result';

@ObjectType('BackupChanged', {
  simpleResolvers: true,
  description: "A watched backup's state: its first event is its current state, then one event per change of lifecycle or progressPercent.",
})
export class BackupChanged {
  @Field(() => Backup, { description: 'The backup now. Lifecycle DELETED (with what was last known of it) once it is gone.' })
  backup!: Backup;

  @Field(() => BackupLifecycle, {
    nullable: true,
    description: 'The lifecycle this subscription last reported for the backup; null on its first event.',
  })
  previousLifecycle?: BackupLifecycle | null;

  @Field({ description: "True on the backup's last event: AVAILABLE, FAILED or DELETED." })
  final!: boolean;
}

const BACKUP_CHANGED = [
  BackupNotFound,
  FileSystemNotFound,
  InvalidInput,
  Forbidden,
  InternalServerError,
  Throttled,
  FsxServiceError,
] as const;

export const BACKUP_CHANGED_ERRORS: ReadonlySet<ResultType> = new Set(BACKUP_CHANGED);

export const BackupChangedResult = createUnionType({
  name: 'BackupChangedResult',
  description:
    'An event of backupChanged: BackupChanged, or why a watched id cannot be watched (BackupNotFound, FileSystemNotFound: the others go on), or a refusal of the whole subscription (InvalidInput, Forbidden: it then completes), or FSx failing for a while (InternalServerError, Throttled, FsxServiceError: watching goes on).',
  types: () => [BackupChanged, ...BACKUP_CHANGED] as const,
});

export type BackupChangedEvent = BackupChanged | InstanceType<(typeof BACKUP_CHANGED)[number]>;
