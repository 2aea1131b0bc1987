/** What is watched in one place (an account and region). */
export interface PlaceWatches {
  backupIds: string[];
  fileSystemIds: string[];
}

/** What is watched, place by place (keyed `<account>:<region>`): what one replica registers, and the union the poller polls. */
export type WatchSet = Record<string, PlaceWatches>;

export const isEmpty = (set: WatchSet): boolean =>
  Object.values(set).every((watches) => watches.backupIds.length === 0 && watches.fileSystemIds.length === 0);

/** The union of several replicas' watch sets, each id once. */
export function union(sets: readonly WatchSet[]): WatchSet {
  const merged = new Map<string, { backupIds: Set<string>; fileSystemIds: Set<string> }>();
  for (const set of sets) {
    for (const [place, watches] of Object.entries(set)) {
      const into = merged.get(place) ?? { backupIds: new Set<string>(), fileSystemIds: new Set<string>() };
      merged.set(place, into);
      for (const id of watches.backupIds ?? []) into.backupIds.add(id);
      for (const id of watches.fileSystemIds ?? []) into.fileSystemIds.add(id);
    }
  }
  return Object.fromEntries(
    [...merged].map(([place, { backupIds, fileSystemIds }]) => [place, { backupIds: [...backupIds], fileSystemIds: [...fileSystemIds] }]),
  );
}
