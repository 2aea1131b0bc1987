import { NODE_TYPES } from '../fsx/shapes.generated';

export type NodeTypeName = keyof typeof NODE_TYPES;

/** What an `id` is read from: any Node type's GraphQL object (a class instance or a nested plain object). */
export interface NodeSource {
  resourceARN?: string | null;
  ownerId?: string | null;
  region?: string | null;
}

/**
 * The global id of an FSx resource: its ARN. FSx always sends ResourceARN; for an FSx-compatible
 * endpoint that omits it, the ARN is made the way FSx makes it (arn:aws:fsx:<region>:<account>:<resource>/<id>),
 * with the account FSx reported as the owner (empty when it did not say).
 */
export function nodeIdOf(type: NodeTypeName, source: NodeSource): string {
  if (typeof source.resourceARN === 'string' && source.resourceARN !== '') return source.resourceARN;
  const { resource, idField } = NODE_TYPES[type];
  return `arn:aws:fsx:${source.region ?? ''}:${source.ownerId ?? ''}:${resource}/${String((source as Record<string, unknown>)[idField])}`;
}

/** A parsed global id: the Node type, the region it is in and the FSx id of the resource. */
export interface ParsedNodeId {
  type: NodeTypeName;
  region: string;
  resourceId: string;
}

// arn:<partition>:fsx:<region>:<account>:<resource type>/<resource id>. Ids are short: anything longer
// than an ARN can be is refused before the regular expression runs.
const ARN = /^arn:aws(?:-[a-z]+)*:fsx:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12})?:([a-z-]+)\/([A-Za-z0-9-]+)$/;
const MAX_ID_LENGTH = 256;

const BY_RESOURCE = new Map<string, NodeTypeName>(
  (Object.keys(NODE_TYPES) as NodeTypeName[]).map((type) => [NODE_TYPES[type].resource, type]),
);

/** The Node type, region and resource id an id names, or null when it is not the ARN of a Node type. */
export function parseNodeId(id: string): ParsedNodeId | null {
  if (id.length > MAX_ID_LENGTH) return null;
  const match = ARN.exec(id);
  const type = match ? BY_RESOURCE.get(match[3]) : undefined;
  if (!match || !type) return null;
  return { type, region: match[1], resourceId: match[4] };
}
