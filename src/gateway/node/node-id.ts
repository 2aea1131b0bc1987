import { type ResourceSource, type ResourceTypeName, resourceArnOf } from '../fsx/resource-arn';
import { NODE_TYPES } from '../fsx/shapes.generated';

export type NodeTypeName = ResourceTypeName;

/** What an `id` is read from: any Node type's GraphQL object (a class instance or a nested plain object). */
export type NodeSource = ResourceSource;

/** The global id of an FSx resource: its ARN (made the way FSx makes it when an endpoint omits ResourceARN). */
export const nodeIdOf = (type: NodeTypeName, source: NodeSource): string => resourceArnOf(type, source);

/** A parsed global id: the Node type, the region and account it is in and the FSx id of the resource. */
export interface ParsedNodeId {
  type: NodeTypeName;
  region: string;
  /** Undefined when the ARN names none (made for an endpoint that reported no owner). */
  account?: string;
  resourceId: string;
}

// arn:<partition>:fsx:<region>:<account>:<resource type>/<resource path>, the path being the id or, for a
// volume, <file system id>/<volume id>. Ids are short: anything longer than an ARN can be is refused
// before the regular expression runs.
const ARN = /^arn:aws(?:-[a-z]+)*:fsx:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12})?:([a-z-]+)\/([A-Za-z0-9-]+(?:\/[A-Za-z0-9-]+)*)$/;
const MAX_ID_LENGTH = 256;

const BY_RESOURCE = new Map<string, NodeTypeName>(
  (Object.keys(NODE_TYPES) as NodeTypeName[]).map((type) => [NODE_TYPES[type].resource, type]),
);

/**
 * The Node type, region, account and resource id an id names, or null when it is not the ARN of a Node type
 * (a path of the wrong number of segments included: `volume/<fs>/<vol>`, `backup/<id>`). The other
 * path segments (a volume's file system) are checked by comparing the found resource's ARN with the id.
 */
export function parseNodeId(id: string): ParsedNodeId | null {
  if (id.length > MAX_ID_LENGTH) return null;
  const match = ARN.exec(id);
  const type = match ? BY_RESOURCE.get(match[3]) : undefined;
  if (!match || !type) return null;
  const path = match[4].split('/');
  if (path.length !== NODE_TYPES[type].arnPath.length) return null;
  return { type, region: match[1], account: match[2], resourceId: path[path.length - 1] };
}
