import { registerEnumType } from 'type-graphql';

/**
 * The gateway's deletion guards (DELETION_GUARDS; the rules themselves are in backup/deletion-rules.ts).
 * The order here is the order of precedence: when several refuse a deletion, DeletionBlocked names
 * the first, and deletionBlockedBy lists them in this order.
 */
export enum DeletionRule {
  LEGAL_HOLD = 'LEGAL_HOLD',
  PROTECTED_TYPE = 'PROTECTED_TYPE',
  MIN_AGE = 'MIN_AGE',
  KEEP_LATEST = 'KEEP_LATEST',
}

registerEnumType(DeletionRule, {
  name: 'DeletionRule',
  description: "A guard of the gateway that refuses to delete a backup (DELETION_GUARDS; see the docs' security page).",
  valuesConfig: {
    LEGAL_HOLD: { description: 'The backup carries the legal-hold tag with the value true: nobody may delete it.' },
    PROTECTED_TYPE: {
      description: 'Backups of this type (e.g. AWS_BACKUP, which AWS Backup owns) are never deleted through this gateway.',
    },
    MIN_AGE: { description: 'The backup is younger than minAgeHours.' },
    KEEP_LATEST: { description: 'The backup is one of the keepLatest newest AVAILABLE backups of its file system (or volume).' },
  },
});
