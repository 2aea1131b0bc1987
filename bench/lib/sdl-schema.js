'use strict';
// The type-graphql-free twin of our schema: the same SDL (printed from the type-graphql schema, so
// the two cannot drift), built by graphql-js, with hand-written resolvers over the same service layer.
// Validation that class-validator does on the paths the benchmarks use is done by hand, so both
// schemas do the same work per request.
const { buildSchema, printSchema } = require('graphql');
const { applyUnrecognizedEnumFallback } = require('../../dist/gateway/fsx/unrecognized-enum-fallback');
const { fieldError, invalidInput } = require('../../dist/gateway/results/invalid-input');
const { FSX } = require('../../dist/fsx-model');
const { MAX_PAGE_SIZE } = require('../../dist/gateway/pagination/connection.args');

const { FileSystemId: FILE_SYSTEM_ID, BackupId: BACKUP_ID, ClientRequestToken: CLIENT_REQUEST_TOKEN } = FSX;

function buildPlainSchema(typeGraphqlSchema) {
  const schema = buildSchema(printSchema(typeGraphqlSchema));
  // Same scalars (DateTime: Date → ISO string; SafeInt).
  for (const name of ['DateTime', 'SafeInt']) {
    const ours = typeGraphqlSchema.getType(name);
    Object.assign(schema.getType(name), { serialize: ours.serialize, parseValue: ours.parseValue, parseLiteral: ours.parseLiteral });
  }
  // Union and interface members are class instances (Backup, BackupConnection, FileSystemNotFound, ...).
  const byClass = (value) => value.constructor.name;
  for (const type of Object.values(schema.getTypeMap())) {
    if ((type.constructor.name === 'GraphQLUnionType' || type.constructor.name === 'GraphQLInterfaceType') && !type.name.startsWith('__')) {
      type.resolveType = byClass;
    }
  }
  const pageArgs = (first) =>
    Number.isInteger(first) && first >= 1 && first <= MAX_PAGE_SIZE
      ? null
      : invalidInput([fieldError(['first'], first < 1 ? 'min' : 'max', `first must be between 1 and ${MAX_PAGE_SIZE}`)]);

  const resolvers = {
    Query: {
      backup: (_, { backupId }, ctx) =>
        BACKUP_ID.pattern.test(backupId) && backupId.length >= BACKUP_ID.min && backupId.length <= BACKUP_ID.max
          ? ctx.backups.in().get(backupId)
          : invalidInput([fieldError(['backupId'], 'matches', 'backupId must look like backup-0123456789abcdef0')]),
      backups: (_, args, ctx) =>
        pageArgs(args.first) ?? ctx.backups.in().list({ first: args.first, after: args.after, filter: args.filter }),
      fileSystem: (_, { fileSystemId }, ctx) =>
        FILE_SYSTEM_ID.pattern.test(fileSystemId)
          ? ctx.fileSystems.in().get(fileSystemId)
          : invalidInput([fieldError(['fileSystemId'], 'matches', 'fileSystemId must look like fs-0123456789abcdef0')]),
      fileSystems: (_, args, ctx) => pageArgs(args.first) ?? ctx.fileSystems.in().list({ first: args.first, after: args.after }),
    },
    Mutation: {
      createBackup: (_, { input }, ctx) => {
        if (!FILE_SYSTEM_ID.pattern.test(input.fileSystemId))
          return invalidInput([fieldError(['input', 'fileSystemId'], 'matches', 'bad fileSystemId')]);
        if (input.clientRequestToken != null && !CLIENT_REQUEST_TOKEN.pattern.test(input.clientRequestToken)) {
          return invalidInput([fieldError(['input', 'clientRequestToken'], 'matches', 'bad clientRequestToken')]);
        }
        return ctx.backups.in().create(input);
      },
    },
    FileSystem: {
      backups: (fs, args, ctx) => pageArgs(args.first) ?? ctx.backups.in(fs.region).forFileSystem(fs.fileSystemId, args.first, args.after),
    },
  };
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const typeFields = schema.getType(typeName).getFields();
    for (const [field, resolve] of Object.entries(fields)) typeFields[field].resolve = resolve;
  }
  return applyUnrecognizedEnumFallback(schema);
}

module.exports = { buildPlainSchema };
