import type { ApolloCache, Reference } from '@apollo/client';
import type { BackupFieldsFragment } from '../generated/graphql';

/**
 * A backup just made joins its file system's list already in the cache, where FSx lists it: last.
 * (A normalizing cache updates backups it has; a new one it cannot place by itself.)
 */
export function addCreatedBackup(cache: ApolloCache<unknown>, backup: BackupFieldsFragment): void {
  if (!backup.fileSystem) return;
  const owner = cache.identify({ __typename: 'FileSystem', id: backup.fileSystem.id });
  const ref = cache.identify(backup);
  if (!owner || !ref) return;
  cache.modify({
    id: owner,
    fields: {
      backups(value: unknown, { toReference }) {
        const existing = value as { __typename?: string; edges?: Array<{ node: Reference }> } | undefined;
        if (existing?.__typename !== 'BackupConnection' || !existing.edges) return existing;
        if (existing.edges.some((e) => e.node.__ref === ref)) return existing;
        const edge = { __typename: 'BackupEdge', cursor: '', node: toReference(ref) };
        return { ...existing, edges: [...existing.edges, edge] };
      },
    },
  });
}
