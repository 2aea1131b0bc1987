/** TagResource, UntagResource, ListTagsForResource over file systems, volumes and backups, by ARN. */
import type { OperationContext } from '../context';
import { paginate, readPageRequest, scopeHash } from '../pagination';
import { badRequest, FsxError, resourceNotFound, serviceLimitExceeded } from '../protocol/errors';
import { FSX } from '../../fsx-model';
import { checkCount, checkString, optionalArray, requireString, validateTagKey, validateTags, type Tag } from '../validation';

const FSX_ARN_RE = /^arn:aws[a-z-]*:fsx:([^:]+):(\d{12}):([a-z-]+)\/(.+)$/;

function resolve(arn: string, ctx: OperationContext): { tags: Tag[] } {
  checkString('ResourceARN', arn, { min: FSX.ResourceARN.min, max: FSX.ResourceARN.max });
  if (!arn.startsWith('arn:')) throw badRequest(`ResourceARN '${arn}' is not a valid ARN.`);
  const parts = arn.split(':');
  if (parts[2] !== 'fsx') {
    throw new FsxError('NotServiceResourceError', `Resource '${arn}' is not an Amazon FSx resource.`, 400, { ResourceARN: arn });
  }
  const m = FSX_ARN_RE.exec(arn);
  if (!m) throw badRequest(`ResourceARN '${arn}' is not a valid Amazon FSx ARN.`);
  const [, region, account, kind, id] = m;
  // A request reaches one region's state (its SigV4 scope) of one account; a resource of another does not exist here, as on FSx.
  if (region !== ctx.region || account !== ctx.accountId) throw resourceNotFound(arn);
  const found =
    kind === 'file-system'
      ? ctx.store.getFileSystem(id)
      : kind === 'backup'
        ? ctx.store.getBackup(id)
        : kind === 'volume'
          ? volumeOf(id, ctx)
          : undefined;
  if (!found) throw resourceNotFound(arn);
  return found;
}

/** A volume ARN's resource part is `<file system id>/<volume id>`: both must match. */
function volumeOf(id: string, ctx: OperationContext): { tags: Tag[] } | undefined {
  const [fileSystemId, volumeId, ...rest] = id.split('/');
  const volume = rest.length === 0 && volumeId !== undefined ? ctx.store.getVolume(volumeId) : undefined;
  return volume?.fileSystemId === fileSystemId ? volume : undefined;
}

/**
 * `existing` with `added` laid over it (a key already there keeps its place and takes the new value),
 * or ServiceLimitExceeded beyond the per-resource limit of 50 ("Maximum number of tags per resource – 50", FSx user
 * guides). The limit is TOTAL_USER_TAGS: the one ServiceLimit value for tags; TagResource's model lists no
 * error for it, so the code is inferred from that enum.
 */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const merged = new Map(existing.map((t) => [t.Key, t.Value]));
  for (const t of added) merged.set(t.Key, t.Value);
  if (merged.size > FSX.Tags.max) {
    throw serviceLimitExceeded('TOTAL_USER_TAGS', `A resource can have at most ${FSX.Tags.max} tags (these would make ${merged.size}).`);
  }
  return [...merged].map(([Key, Value]) => ({ Key, Value }));
}

export function tagResource(input: Record<string, unknown>, ctx: OperationContext) {
  const arn = requireString(input, 'ResourceARN');
  const tags = validateTags(input, 'Tags', true)!;
  const resource = resolve(arn, ctx);
  ctx.store.setTags(resource, mergeTags(resource.tags, tags));
  return {};
}

export function untagResource(input: Record<string, unknown>, ctx: OperationContext) {
  const arn = requireString(input, 'ResourceARN');
  const keys = optionalArray(input, 'TagKeys');
  if (keys === undefined) throw badRequest('TagKeys is required.');
  checkCount('TagKeys', keys, FSX.TagKeys);
  const valid = new Set(keys.map((k, i) => validateTagKey(k, `TagKeys[${i}]`)));
  const resource = resolve(arn, ctx);
  ctx.store.setTags(
    resource,
    resource.tags.filter((t) => !valid.has(t.Key)),
  );
  return {};
}

export function listTagsForResource(input: Record<string, unknown>, ctx: OperationContext) {
  const arn = requireString(input, 'ResourceARN');
  const resource = resolve(arn, ctx);
  const scope = scopeHash({ op: 'ListTagsForResource', arn });
  const page = readPageRequest(input, ctx, scope);
  // Ordered by key so keyset paging is stable (FSx leaves the order unspecified).
  const result = paginate(resource.tags, (t) => t.Key, page, ctx, scope);
  return { Tags: result.items.map((t) => ({ ...t })), NextToken: result.nextToken };
}
