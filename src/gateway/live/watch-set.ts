/** What is watched in one region. */
export interface RegionWatches {
  backupIds: string[];
  fileSystemIds: string[];
}

/** What is watched, region by region: what one replica registers, and the union the poller polls. */
export type WatchSet = Record<string, RegionWatches>;

export const isEmpty = (set: WatchSet): boolean =>
  Object.values(set).every((watches) => watches.backupIds.length === 0 && watches.fileSystemIds.length === 0);

/** The union of several replicas' watch sets, each id once. */
export function union(sets: readonly WatchSet[]): WatchSet {
  const merged = new Map<string, { backupIds: Set<string>; fileSystemIds: Set<string> }>();
  for (const set of sets) {
    for (const [region, watches] of Object.entries(set)) {
      const into = merged.get(region) ?? { backupIds: new Set<string>(), fileSystemIds: new Set<string>() };
      merged.set(region, into);
      for (const id of watches.backupIds ?? []) into.backupIds.add(id);
      for (const id of watches.fileSystemIds ?? []) into.fileSystemIds.add(id);
    }
  }
  return Object.fromEntries(
    [...merged].map(([region, { backupIds, fileSystemIds }]) => [region, { backupIds: [...backupIds], fileSystemIds: [...fileSystemIds] }]),
  );
}
