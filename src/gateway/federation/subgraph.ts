import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { createResolversMap } from 'type-graphql';
import type { BackupService } from '../backup/backup.service';
import type { FileSystemService } from '../file-system/file-system.service';
import { accountOfArn, regionOfArn } from '../fsx/place';
import type { InPlace } from '../fsx/placed';
import { type ResourceSource, type ResourceTypeName, resourceArnOf } from '../fsx/resource-arn';
import type { VolumeService } from '../volume/volume.service';

/** What entity lookups need of the request context. */
export interface EntityContext {
  backups: InPlace<Pick<BackupService, 'reference'>>;
  fileSystems: InPlace<Pick<FileSystemService, 'reference'>>;
  volumes: InPlace<Pick<VolumeService, 'reference'>>;
}

/**
 * The first place (the caller's default first) that knows the entity: keys by id carry no account nor
 * region, ids are unique across both. An account the gateway cannot act in (STS refused its role) is
 * one that does not know it: `reference` answers null there (found-here.ts), and the search goes on.
 */
async function firstFound<T>(services: Array<{ reference(id: string): Promise<T | null> }>, id: string): Promise<T | null> {
  for (const service of services) {
    const found = await service.reference(id);
    if (found) return found;
  }
  return null;
}

/**
 * A key by global id (the ARN): looked up only in the account and region it names, and only when the
 * caller may use them; the resource found must be the one the ARN names (its account and partition too).
 */
async function byArn<T extends ResourceSource>(
  type: ResourceTypeName,
  services: InPlace<{ reference(id: string): Promise<T | null> }>,
  arn: string,
): Promise<T | null> {
  const region = regionOfArn(arn);
  const resourceId = arn.split('/').pop();
  if (arn.length > 256 || !region || !resourceId) return null;
  const found = await (services.in(region, accountOfArn(arn) ?? null)?.reference(resourceId) ?? null);
  return found && resourceArnOf(type, found) === arn ? found : null;
}

/** A representation: by the type's own id field, or by its global id (`id`, the ARN). */
const reference = <T extends ResourceSource>(
  type: ResourceTypeName,
  services: InPlace<{ reference(id: string): Promise<T | null> }>,
  id: string | undefined,
  arn: string | undefined,
) =>
  typeof arn === 'string' ? byArn(type, services, arn) : typeof id === 'string' ? firstFound(services.all(), id) : Promise.resolve(null);

/** Federation 2 link: the directives our SDL uses. */
export const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

/**
 * Entity lookups for the router (`_entities`): through the same per-request DataLoaders as
 * `backup(backupId)`, `fileSystem(fileSystemId)` and `volume(volumeId)`, so 50 representations cost
 * one FSx call per account and region tried (by ARN: only the one it names); an unknown (or
 * malformed) key resolves to null for that entity only.
 */
const referenceResolvers = {
  Backup: {
    __resolveReference: (ref: { backupId?: string; id?: string }, ctx: EntityContext) =>
      reference('Backup', ctx.backups, ref.backupId, ref.id),
  },
  FileSystem: {
    __resolveReference: (ref: { fileSystemId?: string; id?: string }, ctx: EntityContext) =>
      reference('FileSystem', ctx.fileSystems, ref.fileSystemId, ref.id),
  },
  Volume: {
    __resolveReference: (ref: { volumeId?: string; id?: string }, ctx: EntityContext) =>
      reference('Volume', ctx.volumes, ref.volumeId, ref.id),
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
