import type { OperationContext } from '../context';
import { paginate, readPageRequest, scopeHash, timeThenIdKey } from '../pagination';
import { fileSystemNotFound } from '../protocol/errors';
import type { FileSystemRecord } from '../store/records';
import { FSX } from '../../fsx-model';
import { optionalStringList } from '../validation';
import { fileSystemToWire } from '../wire';

export function describeFileSystems(input: Record<string, unknown>, ctx: OperationContext) {
  const ids = optionalStringList(input, 'FileSystemIds', FSX.FileSystemIds, FSX.FileSystemId);
  let selected: FileSystemRecord[];
  if (ids !== undefined && ids.length > 0) {
    selected = [...new Set(ids)].map((id) => {
      const fs = ctx.store.getFileSystem(id);
      if (!fs) throw fileSystemNotFound(id);
      return fs;
    });
  } else {
    selected = ctx.store.listFileSystems();
  }
  const scope = scopeHash({ op: 'DescribeFileSystems', ids: ids ? [...new Set(ids)].sort() : [] });
  const page = readPageRequest(input, ctx, scope);
  const result = paginate(selected, (f) => timeThenIdKey(f.createdAtMs, f.fileSystemId), page, ctx, scope);
  return { FileSystems: result.items.map((f) => fileSystemToWire(f, ctx)), NextToken: result.nextToken };
}
