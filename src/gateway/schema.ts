import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { BackupResolver } from './backup/backup.resolver';
import { FileSystemResolver } from './file-system/file-system.resolver';
import { applyUnrecognizedEnumFallback } from './fsx/unrecognized-enum-fallback';

export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [BackupResolver, FileSystemResolver],
    // class-validator runs on every input and args class; nothing of the input is echoed back in errors.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
  return applyUnrecognizedEnumFallback(schema);
}

/** The committed schema.graphql: sorted so the file changes only when the schema does. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
