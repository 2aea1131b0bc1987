import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { SCOPES } from '../auth/principal';
import { Node } from '../fsx/node';
import { NODE_TYPES } from '../fsx/shapes.generated';
import type { NodeContext } from './node.context';
import { type NodeSource, type NodeTypeName, type ParsedNodeId, nodeIdOf, parseNodeId } from './node-id';

type Lookup = (ctx: NodeContext, where: ParsedNodeId) => Promise<NodeSource | null> | null;

/**
 * Looks up one resource of a Node type in the account and region its ARN names: null when it is
 * unknown or hidden from the caller, or the account or region is not one the caller may use (no FSx call).
 */
const LOOKUPS: Record<NodeTypeName, Lookup> = {
  Backup: (ctx, { region, account, resourceId }) => ctx.backups.in(region, account)?.reference(resourceId) ?? null,
  FileSystem: (ctx, { region, account, resourceId }) => ctx.fileSystems.in(region, account)?.reference(resourceId) ?? null,
  Volume: (ctx, { region, account, resourceId }) => ctx.volumes.in(region, account)?.reference(resourceId) ?? null,
};

@Resolver(() => Node)
export class NodeResolver {
  /** Every Node type's id, whether the object is a class instance or a nested plain object (Backup.fileSystem). */
  @FieldResolver(() => ID)
  id(@Root() source: NodeSource, @Info() info: GraphQLResolveInfo): string {
    return nodeIdOf(info.parentType.name as NodeTypeName, source);
  }

  @Authorized(SCOPES.read)
  @Query(() => Node, {
    nullable: true,
    description: `Any object by its global id (the resource ARN, as in its id field): ${Object.keys(NODE_TYPES).join(', ')}. Through the same batched lookups as backup(), fileSystem() and volume(). Null when the id is malformed, names an account or region the gateway does not serve to the caller, or the resource is unknown or hidden from the caller. Needs backups:read.`,
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: NodeContext): Promise<NodeSource | null> {
    const parsed = parseNodeId(id);
    if (!parsed) return null;
    const found = await LOOKUPS[parsed.type](ctx, parsed);
    // The ARN names an account (and partition) too: the resource found must be the one the id names.
    return found && nodeIdOf(parsed.type, found) === id ? found : null;
  }
}
