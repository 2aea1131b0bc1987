import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Global object identification (the Relay convention; Apollo Client and urql normalize by `id`): the
 * FSx resources the graph serves implement Node, and `id` is the resource ARN, stable and unique across
 * regions and accounts. Which types implement it: NODE_TYPES in shapes.generated.ts (the generator's
 * NODES map); the `id` resolver and `Query.node` live in src/gateway/node/.
 */
@InterfaceType('Node', {
  // Every implementation is reachable from Query; registering them up front would print them ahead of Query in schema.graphql.
  autoRegisterImplementations: false,
  description: 'An object with a globally unique id: the resource ARN. Fetch any of them again with Query.node(id).',
})
export abstract class Node {
  @Field(() => ID, {
    description:
      'The resource ARN (arn:aws:fsx:<region>:<account>:<resource>/<id>; a volume: volume/<file system id>/<volume id>): stable, unique across regions and accounts.',
  })
  id!: string;
}
