/**
 * The one error type handlers throw. `extra` carries modeled members (Limit, Parameter,
 * FileSystemId, BackupId, ResourceARN) that travel in PascalCase beside __type and Message.
 */
export class FsxError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = code === 'InternalServerError' ? 500 : 400,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
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

export const fileSystemNotFound = (id: string): FsxError =>
  new FsxError('FileSystemNotFound', `File system '${id}' does not exist.`, 400, { FileSystemId: id });

export const backupNotFound = (id: string): FsxError =>
  new FsxError('BackupNotFound', `Backup '${id}' does not exist.`, 400, { BackupId: id });

export const resourceNotFound = (arn: string): FsxError =>
  new FsxError('ResourceNotFound', `Resource '${arn}' does not exist.`, 400, { ResourceARN: arn });

export const serviceLimitExceeded = (limit: string, message: string): FsxError =>
  new FsxError('ServiceLimitExceeded', message, 400, { Limit: limit });
