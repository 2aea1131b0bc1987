import type { BackupType } from '../fsx/enums.generated';

/** What the guards ask of one file system's backups (DELETION_GUARDS defaults, or its `fileSystems` entry). */
export interface DeletionPolicy {
  /** The newest N AVAILABLE backups of a file system (of a volume, for volume backups) are kept; 0: off. */
  readonly keepLatest: number;
  /** Backups younger than this are kept; 0: off. */
  readonly minAgeHours: number;
  /** Backup types this gateway never deletes (e.g. AWS_BACKUP, which AWS Backup owns). */
  readonly protectedTypes: ReadonlySet<BackupType>;
}

/** DELETION_GUARDS, read and checked by deletion-guards.settings.ts. */
export interface DeletionGuardsConfig {
  readonly defaults: DeletionPolicy;
  /** A backup whose tag with this key has the value `true` is kept from everyone; one key for every file system. */
  readonly legalHoldTagKey: string;
  /** Per file system: its own policy (what an entry leaves out is taken from the defaults). */
  readonly fileSystems: ReadonlyMap<string, DeletionPolicy>;
}

export const DEFAULT_LEGAL_HOLD_TAG_KEY = 'legal-hold';

export const NO_POLICY: DeletionPolicy = { keepLatest: 0, minAgeHours: 0, protectedTypes: new Set() };

/** Off by default, except the legal hold: a hold placed by someone with backups:hold always holds. */
export const DEFAULT_DELETION_GUARDS: DeletionGuardsConfig = {
  defaults: NO_POLICY,
  legalHoldTagKey: DEFAULT_LEGAL_HOLD_TAG_KEY,
  fileSystems: new Map(),
};

/** The process's deletion guards: the configuration, and the clock backup ages are measured on. */
export class DeletionGuards {
  constructor(
    readonly config: DeletionGuardsConfig = DEFAULT_DELETION_GUARDS,
    /** Epoch ms. The gateway's clock: FSx's CreationTime is compared with it. */
    readonly now: () => number = Date.now,
  ) {}

  get legalHoldTagKey(): string {
    return this.config.legalHoldTagKey;
  }

  /** The policy of one file system's backups (and of its volumes' backups). */
  policyFor(fileSystemId: string | null | undefined): DeletionPolicy {
    return (fileSystemId ? this.config.fileSystems.get(fileSystemId) : undefined) ?? this.config.defaults;
  }

  /** Whether these tag keys set or remove the legal hold (whatever the value: `false` would lift it). */
  touchesHold(keys: Iterable<string>): boolean {
    for (const key of keys) if (key === this.config.legalHoldTagKey) return true;
    return false;
  }
}
