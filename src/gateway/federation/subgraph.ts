import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { createResolversMap } from 'type-graphql';
import type { BackupService } from '../backup/backup.service';
import type { FileSystemService } from '../file-system/file-system.service';
import type { InPlace } from '../fsx/placed';
import type { VolumeService } from '../volume/volume.service';

/** What entity lookups need of the request context. */
export interface EntityContext {
  backups: InPlace<Pick<BackupService, 'reference'>>;
  fileSystems: InPlace<Pick<FileSystemService, 'reference'>>;
  volumes: InPlace<Pick<VolumeService, 'reference'>>;
}

/** The first region (default first) that knows the entity: keys carry no region, ids are unique across regions. */
async function firstFound<T>(services: Array<{ reference(id: string): Promise<T | null> }>, id: string): Promise<T | null> {
  for (const service of services) {
    const found = await service.reference(id);
    if (found) return found;
  }
  return null;
}

/** Federation 2 link: the directives our SDL uses. */
export const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

/**
 * Entity lookups for the router (`_entities`): through the same per-request DataLoaders as
 * `backup(backupId)`, `fileSystem(fileSystemId)` and `volume(volumeId)`, so 50 representations cost one FSx call per region tried; an
 * unknown (or malformed) key resolves to null for that entity only.
 */
const referenceResolvers = {
  Backup: {
    __resolveReference: (ref: { backupId: string }, ctx: EntityContext) => firstFound(ctx.backups.all(), ref.backupId),
  },
  FileSystem: {
    __resolveReference: (ref: { fileSystemId: string }, ctx: EntityContext) => firstFound(ctx.fileSystems.all(), ref.fileSystemId),
  },
  Volume: {
    __resolveReference: (ref: { volumeId: string }, ctx: EntityContext) => firstFound(ctx.volumes.all(), ref.volumeId),
  },
};

/**
 * type-graphql has no federation support; as in its examples/apollo-federation-2, the schema it
 * builds is printed with its directives (@key) and rebuilt by @apollo/subgraph with the same
 * resolvers, which adds _service, _entities and the federation types. The rebuild drops field
 * `extensions` (e.g. complexity): anything that reads them must use the type-graphql schema.
 */
export function toSubgraphSchema(typeGraphQLSchema: GraphQLSchema): GraphQLSchema {
  const resolvers = createResolversMap(typeGraphQLSchema) as Record<string, Record<string, unknown>>;
  for (const [type, fields] of Object.entries(referenceResolvers)) resolvers[type] = { ...resolvers[type], ...fields };
  return buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(typeGraphQLSchema)}
    `,
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}
