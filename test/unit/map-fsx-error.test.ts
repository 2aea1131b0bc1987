import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribeBackupsCommand, type FSxClient } from '@aws-sdk/client-fsx';
import { MODEL_ERROR_MEMBERS, MODEL_OPERATION_ERRORS, type ModelErrorCode } from '../../src/fsx-model';
import { mapFsxError } from '../../src/gateway/errors/map-fsx-error';
import { AccountCredentialsUnavailable } from '../../src/gateway/fsx/assumed-roles';
import {
  COPY_BACKUP_ERRORS,
  CREATE_BACKUP_ERRORS,
  DELETE_BACKUP_ERRORS,
  RESTORE_BACKUP_ERRORS,
  RESTORE_VOLUME_ERRORS,
  TAG_BACKUP_ERRORS,
  UNTAG_BACKUP_ERRORS,
  UPDATE_BACKUP_SETTINGS_ERRORS,
  VOLUME_ERRORS,
} from '../../src/gateway/results/unions';
import { fsxClientFor } from '../support/emulator';

/**
 * THE error table against error bodies exactly as the FSx model defines them: an endpoint answers each
 * code with `__type`, `Message` and every member its error shape has (and nothing else), the real SDK
 * deserializes it into its own exception class, and mapFsxError must make the typed result of it.
 */
const MEMBER_VALUES: Record<string, string> = {
  Message: 'said by FSx',
  BackupId: 'backup-0123456789abcdef0',
  FileSystemId: 'fs-0123456789abcdef0',
  Parameter: 'Tags',
  Limit: 'TOTAL_IN_PROGRESS_COPY_BACKUPS',
  InvalidSubnetId: 'subnet-0123456789abcdef0',
  InvalidSecurityGroupId: 'sg-0123456789abcdef0',
  InvalidRouteTableId: 'rtb-0123456789abcdef0',
  ActiveDirectoryId: 'd-0123456789',
  Type: 'WRONG_VPC',
  ErrorCode: 'X',
  ResourceARN: 'arn:aws:fsx:us-east-1:123456789012:backup/backup-0123456789abcdef0',
};

let server: Server;
let fsx: FSxClient;
let answer: ModelErrorCode = 'BadRequest';
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    const body = Object.fromEntries(MODEL_ERROR_MEMBERS[answer].map((member) => [member, MEMBER_VALUES[member]]));
    const payload = JSON.stringify({ __type: answer, ...body });
    res.writeHead(answer === 'InternalServerError' ? 500 : 400, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': 'req-1',
    });
    res.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fsx = fsxClientFor(`http://127.0.0.1:${port}`);
});
afterAll(async () => {
  fsx.destroy();
  await new Promise((resolve) => server.close(resolve));
});

/** The tag calls' ResourceNotFound, on a backup's ARN (the subject typeOf gives), is that backup's BackupNotFound. */
const RESOURCE_NOT_FOUND_OF_BACKUP: Record<string, string> = { ResourceNotFound: 'BackupNotFound' };

/** What mapFsxError makes of the answer to `code`, for a field whose union holds `allowed`. */
const typeOf = async (code: ModelErrorCode, allowed: ReadonlySet<unknown>) => {
  answer = code;
  const error = await fsx.send(new DescribeBackupsCommand({})).catch((e: unknown) => e);
  return mapFsxError(error, { backupId: 'backup-0123456789abcdef0' }, allowed as never);
};

describe.each([
  ['CreateBackup', CREATE_BACKUP_ERRORS],
  ['DeleteBackup', DELETE_BACKUP_ERRORS],
  ['CopyBackup', COPY_BACKUP_ERRORS],
  ['CreateFileSystemFromBackup', RESTORE_BACKUP_ERRORS],
  ['CreateVolumeFromBackup', RESTORE_VOLUME_ERRORS],
  ['UpdateFileSystem', UPDATE_BACKUP_SETTINGS_ERRORS],
  ['DescribeVolumes', VOLUME_ERRORS],
  ['TagResource', TAG_BACKUP_ERRORS],
  ['UntagResource', UNTAG_BACKUP_ERRORS],
] as const)('%s: every error the model lists', (operation, allowed) => {
  test.each(MODEL_OPERATION_ERRORS[operation].map((code) => [code]))(
    '%s becomes its own typed result (or FsxServiceError with the code)',
    async (code) => {
      const result = await typeOf(code, allowed);
      const name = result.constructor.name;
      const expected = RESOURCE_NOT_FOUND_OF_BACKUP[code] ?? code;
      if (name === 'FsxServiceError') expect(result).toMatchObject({ code });
      else expect(name).toBe(expected);
      // Every answer that follows an FSx call carries its request id, not-found ones too (a resource
      // hidden from the caller also follows a call, and carries that call's id).
      expect(result.requestId).toBe('req-1');
    },
  );
});

test('ResourceNotFound (the tag calls) names the resource the caller gave: BackupNotFound for a backup', async () => {
  expect(await typeOf('ResourceNotFound', TAG_BACKUP_ERRORS)).toMatchObject({ backupId: 'backup-0123456789abcdef0', requestId: 'req-1' });
  expect(await typeOf('ServiceLimitExceeded', TAG_BACKUP_ERRORS)).toMatchObject({
    limit: 'TOTAL_IN_PROGRESS_COPY_BACKUPS',
    retryable: false,
  });
});

test('the members FSx models become the result fields', async () => {
  expect(await typeOf('SourceBackupUnavailable', COPY_BACKUP_ERRORS)).toMatchObject({
    backupId: MEMBER_VALUES.BackupId,
    retryable: true,
    message: 'said by FSx',
  });
  expect(await typeOf('BackupRestoring', DELETE_BACKUP_ERRORS)).toMatchObject({
    restoringFileSystemId: MEMBER_VALUES.FileSystemId,
    retryable: true,
  });
  expect(await typeOf('IncompatibleParameterError', COPY_BACKUP_ERRORS)).toMatchObject({ parameter: 'Tags', retryable: false });
  expect(await typeOf('ServiceLimitExceeded', COPY_BACKUP_ERRORS)).toMatchObject({ limit: 'TOTAL_IN_PROGRESS_COPY_BACKUPS' });
  expect(await typeOf('InvalidNetworkSettings', RESTORE_BACKUP_ERRORS)).toMatchObject({
    invalidSubnetId: MEMBER_VALUES.InvalidSubnetId,
    invalidSecurityGroupId: MEMBER_VALUES.InvalidSecurityGroupId,
    invalidRouteTableId: MEMBER_VALUES.InvalidRouteTableId,
  });
  expect(await typeOf('ActiveDirectoryError', RESTORE_BACKUP_ERRORS)).toMatchObject({
    activeDirectoryId: 'd-0123456789',
    type: 'WRONG_VPC',
  });
  expect(await typeOf('InternalServerError', COPY_BACKUP_ERRORS)).toMatchObject({ retryable: true });
});

test('ids FSx does not model in a member come from the caller, else from the message', async () => {
  answer = 'BackupInProgress';
  const error = await fsx.send(new DescribeBackupsCommand({})).catch((e: unknown) => e);
  expect(mapFsxError(error, { fileSystemId: 'fs-00000000000000001' }, CREATE_BACKUP_ERRORS)).toMatchObject({
    fileSystemId: 'fs-00000000000000001',
  });
  expect(mapFsxError(error, {}, CREATE_BACKUP_ERRORS)).toMatchObject({ fileSystemId: '' });
});

test('STS failing for an account: its code and the account, never STS’s message (it names the gateway’s ARN); retryable unless refused', () => {
  const detail = 'User: arn:aws:iam::123456789012:user/gateway is not authorized to perform: sts:AssumeRole';
  const refused = mapFsxError(new AccountCredentialsUnavailable('111111111111', 'AccessDenied', detail, 403), {}, VOLUME_ERRORS);
  expect(refused).toMatchObject({ code: 'AccessDenied', retryable: false, requestId: null });
  expect(refused.message).toBe('The gateway cannot act in account 111111111111 (AccessDenied)');
  const cases: Array<[string | undefined, number | undefined]> = [
    ['Throttling', 400],
    ['InternalFailure', 500],
    ['ServiceUnavailable', 503],
    [undefined, undefined],
  ];
  for (const [code, status] of cases) {
    const mapped = mapFsxError(new AccountCredentialsUnavailable('111111111111', code, detail, status), {}, VOLUME_ERRORS);
    expect(mapped.retryable).toBe(true);
    expect(mapped.message).not.toContain('arn:');
  }
});
