/** tagBackup with every member a tag test reads: the backup's tags after the change, or why not. */
export const TAG_BACKUP = /* GraphQL */ `
  mutation Tag($input: TagBackupInput!) {
    tagBackup(input: $input) {
      __typename
      ... on TagBackupSuccess {
        backup {
          backupId
          resourceARN
          tags {
            key
            value
          }
        }
      }
      ...Refusal
    }
  }
  fragment Refusal on TagBackupResult {
    ... on ErrorResult {
      message
      retryable
      requestId
    }
    ... on BackupNotFound {
      backupId
    }
    ... on ServiceLimitExceeded {
      limit
    }
    ... on Forbidden {
      missingScopes
    }
    ... on FsxServiceError {
      code
    }
    ... on InvalidInput {
      fieldErrors {
        path
        constraint
      }
    }
  }
`;

/** untagBackup with every member a tag test reads, as TAG_BACKUP. */
export const UNTAG_BACKUP = /* GraphQL */ `
  mutation Untag($input: UntagBackupInput!) {
    untagBackup(input: $input) {
      __typename
      ... on UntagBackupSuccess {
        backup {
          backupId
          tags {
            key
            value
          }
        }
      }
      ... on ErrorResult {
        message
        retryable
        requestId
      }
      ... on BackupNotFound {
        backupId
      }
      ... on Forbidden {
        missingScopes
      }
      ... on InvalidInput {
        fieldErrors {
          path
          constraint
        }
      }
    }
  }
`;
