import { NODE_TYPES } from './shapes.generated';

/** A type whose objects are FSx resources with an ARN (the Node types). */
export type ResourceTypeName = keyof typeof NODE_TYPES;

/** What a resource's ARN is read or made from: its GraphQL object (a class instance or a nested plain object). */
export interface ResourceSource {
  resourceARN?: string | null;
  ownerId?: string | null;
  region?: string | null;
  /** The account the gateway stamped it with (to-graphql.ts): its owner's, else the account it was read from. */
  accountId?: string | null;
}

/**
 * The ARN of an FSx resource. FSx always sends ResourceARN; for an FSx-compatible endpoint that omits
 * it, the ARN is made the way FSx makes it (arn:aws:fsx:<region>:<account>:<resource>/<path>, the path
 * being the id, or for a volume <file system id>/<volume id>), with the account FSx reported as the
 * owner, else the account the gateway read it from (empty when neither is known).
 */
export function resourceArnOf(type: ResourceTypeName, source: ResourceSource): string {
  if (typeof source.resourceARN === 'string' && source.resourceARN !== '') return source.resourceARN;
  const { resource, arnPath } = NODE_TYPES[type];
  const path = arnPath.map((field) => String((source as Record<string, unknown>)[field])).join('/');
  return `arn:aws:fsx:${source.region ?? ''}:${source.ownerId ?? source.accountId ?? ''}:${resource}/${path}`;
}
