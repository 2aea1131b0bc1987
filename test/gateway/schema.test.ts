import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GraphQLSchema, parse, validate } from 'graphql';
import { buildGatewaySchema, printGatewaySchema } from '../../src/gateway/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

test('schema.graphql is the schema the code builds (run `npm run schema` after changing types)', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
  expect(printGatewaySchema(schema)).toBe(committed);
});

test('a client can read ids across every member of a result union in one selection', () => {
  const doc = parse(`{
    backup(backupId: "backup-0123456789abcdef0") { ... on Backup { backupId } ... on BackupNotFound { backupId } ... on ErrorResult { message retryable } }
    fileSystem(fileSystemId: "fs-0123456789abcdef0") { ... on FileSystem { fileSystemId } ... on FileSystemNotFound { fileSystemId } }
  }`);
  expect(validate(schema, doc)).toEqual([]);
});

test('every error type implements ErrorResult, and every result union can carry InvalidInput, InternalServerError and FsxServiceError', () => {
  const unions = ['CreateBackupResult', 'DeleteBackupResult', 'BackupResult', 'BackupsResult', 'FileSystemResult', 'FileSystemsResult'];
  const errorResult = schema.getType('ErrorResult') as any;
  for (const name of unions) {
    const members: string[] = (schema.getType(name) as any).getTypes().map((t: { name: string }) => t.name);
    expect(members).toEqual(expect.arrayContaining(['InvalidInput', 'InternalServerError', 'FsxServiceError']));
    for (const member of members) {
      const type = schema.getType(member) as any;
      const isError = type.getInterfaces().includes(errorResult);
      expect(
        isError ||
          [
            'CreateBackupSuccess',
            'DeleteBackupSuccess',
            'DeleteBackupAllowed',
            'Backup',
            'BackupConnection',
            'FileSystem',
            'FileSystemConnection',
          ].includes(member),
      ).toBe(true);
    }
  }
  const createMembers = (schema.getType('CreateBackupResult') as any).getTypes().map((t: { name: string }) => t.name);
  for (const seedError of [
    'BackupInProgress',
    'BadRequest',
    'FileSystemNotFound',
    'IncompatibleParameterError',
    'InternalServerError',
    'ServiceLimitExceeded',
    'UnsupportedOperation',
  ]) {
    expect(createMembers).toContain(seedError);
  }
});

test('every FSx enum has the UNRECOGNIZED fallback', () => {
  for (const name of ['BackupLifecycle', 'BackupType', 'FileSystemType', 'FileSystemLifecycle', 'ResourceType', 'ServiceLimit']) {
    expect((schema.getType(name) as any).getValue('UNRECOGNIZED')).toBeDefined();
  }
});
