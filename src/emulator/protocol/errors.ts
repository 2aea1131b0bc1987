import { MODEL_ERROR_MEMBERS, type ModelErrorCode } from '../../fsx-model';

/** The members (besides Message) the model gives error shape C; none for a code the model does not have. */
type ErrorMembers<C extends string> = string extends C
  ? never
  : C extends ModelErrorCode
    ? Exclude<(typeof MODEL_ERROR_MEMBERS)[C][number], 'Message'>
    : never;

/** What `extra` may hold for code C: its modelled members, or nothing at all (an empty object type would accept anything). */
type ErrorExtra<C extends string> = [ErrorMembers<C>] extends [never] ? Record<string, never> : Partial<Record<ErrorMembers<C>, unknown>>;

const allowedMembers = (code: string): readonly string[] =>
  Object.prototype.hasOwnProperty.call(MODEL_ERROR_MEMBERS, code)
    ? MODEL_ERROR_MEMBERS[code as ModelErrorCode].filter((m) => m !== 'Message')
    : [];

/**
 * The one error type handlers throw. `extra` carries the modelled members of the error shape (Limit,
 * Parameter, BackupId, FileSystemId, ResourceARN, ...) that travel in PascalCase beside __type and
 * Message: exactly those src/fsx-model's MODEL_ERROR_MEMBERS lists for the code, nothing more. The
 * type checker refuses any other member for a literal code, and the constructor refuses it at run
 * time (a code outside the model, e.g. SerializationException or an injected one, carries none).
 */
export class FsxError<C extends string = string> extends Error {
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: C,
    message: string,
    readonly status: number = code === 'InternalServerError' ? 500 : 400,
    extra: ErrorExtra<C> = {},
  ) {
    super(message);
    this.name = code;
    const allowed = allowedMembers(code);
    const stray = Object.keys(extra).filter((member) => !allowed.includes(member));
    if (stray.length > 0) {
      throw new TypeError(
        `FsxError ${code} cannot carry ${stray.join(', ')}: the model gives it ${allowed.join(', ') || 'no member'} besides Message.`,
      );
    }
    this.extra = extra;
  }
}

export const badRequest = (message: string): FsxError => new FsxError('BadRequest', message);

export const incompatibleParameter = (parameter: string, message?: string): FsxError =>
  new FsxError(
    'IncompatibleParameterError',
    message ?? `The request uses the same client request token as a previous, but different request (parameter ${parameter} differs).`,
    400,
    { Parameter: parameter },
  );

/** FileSystemNotFound carries only a Message in the model: the id is named there. */
export const fileSystemNotFound = (id: string): FsxError => new FsxError('FileSystemNotFound', `File system '${id}' does not exist.`);

/** BackupNotFound carries only a Message in the model: the id is named there. */
export const backupNotFound = (id: string): FsxError => new FsxError('BackupNotFound', `Backup '${id}' does not exist.`);

export const resourceNotFound = (arn: string): FsxError =>
  new FsxError('ResourceNotFound', `Resource '${arn}' does not exist.`, 400, { ResourceARN: arn });

export const serviceLimitExceeded = (limit: string, message: string): FsxError =>
  new FsxError('ServiceLimitExceeded', message, 400, { Limit: limit });

/** VolumeNotFound carries only a Message in the model: the id is named there. */
export const volumeNotFound = (id: string): FsxError => new FsxError('VolumeNotFound', `Volume '${id}' does not exist.`);

/** StorageVirtualMachineNotFound carries only a Message in the model: the id is named there. */
export const storageVirtualMachineNotFound = (id: string): FsxError =>
  new FsxError('StorageVirtualMachineNotFound', `Storage virtual machine '${id}' does not exist.`);
