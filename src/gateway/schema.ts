import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { BackupResolver } from './backup/backup.resolver';
import { FileSystemResolver } from './file-system/file-system.resolver';
import { toSubgraphSchema } from './federation/subgraph';
import { applyUnrecognizedEnumFallback } from './fsx/unrecognized-enum-fallback';
import { BackupChangedResolver } from './live/backup-changed.resolver';
import { RateLimitResolver } from './rate-limit/rate-limit.resolver';
import { RegionResolver } from './region/region.resolver';
import { ViewerResolver } from './viewer/viewer.resolver';
import { NodeResolver } from './node/node.resolver';
import { VolumeResolver } from './volume/volume.resolver';
import { errorsAsResults } from './results/errors-as-results';

export interface GatewaySchemas {
  /** What is served: the Federation 2 subgraph schema. */
  served: GraphQLSchema;
  /** The schema type-graphql built, with the field extensions (complexity) the rebuild drops. */
  typeGraphQL: GraphQLSchema;
}

export async function buildGatewaySchemas(): Promise<GatewaySchemas> {
  const typeGraphQL = await buildSchema({
    resolvers: [
      BackupResolver,
      FileSystemResolver,
      VolumeResolver,
      BackupChangedResolver,
      NodeResolver,
      RateLimitResolver,
      RegionResolver,
      ViewerResolver,
    ],
    // Required by type-graphql for any subscription; backupChanged brings its own subscribe function (live/).
    pubSub: createPubSub(),
    // class-validator runs on every input and args class; nothing of the input is echoed back in errors.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    authChecker,
  });
  errorsAsResults(typeGraphQL);
  return {
    served: applyUnrecognizedEnumFallback(toSubgraphSchema(typeGraphQL)),
    typeGraphQL: applyUnrecognizedEnumFallback(typeGraphQL),
  };
}

/** The committed schema.graphql: the subgraph SDL a router composes, federation directives included. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}

/** The served schema alone (the benchmarks' baselines execute on it). */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  return (await buildGatewaySchemas()).served;
}
