import { type FSxClient, paginateDescribeBackups } from '@aws-sdk/client-fsx';
import { FSX } from '../../fsx-model';
import { ByFileSystemLoader, mapPages } from '../fsx/by-file-system-loader';
import { toBackups } from '../fsx/to-graphql';
import type { Place } from '../fsx/place';
import type { Backup } from '../fsx/shapes.generated';
import { MAX_PAGE_SIZE } from '../pagination/connection.args';
import { DeletionRule } from '../results/deletion-rule';
import type { DeletionGuards } from './deletion-guards';
import { type Blocking, blockingRules, keepLatestBlocking, keepLatestGroup, needsSiblings } from './deletion-rules';

/**
 * The deletion guards applied to backups, for one GraphQL request. keepLatest needs each backup's
 * siblings: they are read for every file system (volume) asked about in this request together, one
 * DescribeBackups per 20 of them (FSx's most values in one filter) and page of data, through the
 * file-system-id (volume-id) filter; a list of 50 backups of up to 20 file systems costs one call
 * per page. Reads only, through the place's client: the FSx call budget and shared reads apply.
 */
export class DeletionCheck {
  private readonly siblings = {
    'file-system-id': this.groupLoader('file-system-id', (b) => b.fileSystem?.fileSystemId),
    'volume-id': this.groupLoader('volume-id', (b) => b.volume?.volumeId),
  };

  constructor(
    private readonly fsx: FSxClient,
    private readonly place: Place,
    private readonly guards: DeletionGuards,
  ) {}

  /** The first guard that keeps the backup (by DeletionRule's precedence), reading siblings only when no other guard does. */
  async firstBlocking(backup: Backup): Promise<Blocking | undefined> {
    const policy = this.guards.policyFor(backup.fileSystem?.fileSystemId);
    const [first] = blockingRules(backup, policy, this.guards.legalHoldTagKey, this.guards.now());
    if (first || !needsSiblings(backup, policy)) return first;
    return keepLatestBlocking(backup, await this.siblingsOf(backup), policy);
  }

  /**
   * Every guard that keeps the backup, in DeletionRule's order. When the siblings cannot be read (FSx
   * failing or throttling), KEEP_LATEST is listed: a preview must never show a kept backup as free to
   * go. deleteBackup decides afresh, and answers the failure itself.
   */
  async blockedBy(backup: Backup): Promise<DeletionRule[]> {
    const policy = this.guards.policyFor(backup.fileSystem?.fileSystemId);
    const rules = blockingRules(backup, policy, this.guards.legalHoldTagKey, this.guards.now()).map((b) => b.rule);
    if (!needsSiblings(backup, policy)) return rules;
    const siblings = await this.siblingsOf(backup).catch(() => undefined);
    if (!siblings || keepLatestBlocking(backup, siblings, policy)) rules.push(DeletionRule.KEEP_LATEST);
    return rules;
  }

  private siblingsOf(backup: Backup): Promise<Backup[]> {
    const group = keepLatestGroup(backup);
    // Every backup of the group: which are the newest cannot be told from a part (FSx's order is unspecified).
    return group ? this.siblings[group.filter].loadAll(group.id) : Promise.resolve([]);
  }

  private groupLoader(filter: 'file-system-id' | 'volume-id', idOf: (backup: Backup) => string | null | undefined) {
    return new ByFileSystemLoader(
      (ids) =>
        mapPages(
          paginateDescribeBackups({ client: this.fsx, pageSize: MAX_PAGE_SIZE }, { Filters: [{ Name: filter, Values: ids }] }),
          (page) => toBackups(page.Backups, this.place),
        ),
      idOf,
      FSX.FilterValues.max,
    );
  }
}
