import type { ApolloServer } from '@apollo/server';

const CREATE = `mutation WarmUp($i: CreateBackupInput!) { createBackup(input: $i) { __typename
  ... on CreateBackupSuccess { clientRequestToken backup { backupId lifecycle type progressPercent creationTime } }
  ... on ErrorResult { message retryable } ... on InvalidInput { fieldErrors { path constraint message } } } }`;

/**
 * Representative operations: an input class-validator refuses (no FSx call), one FSx refuses (a file
 * system that cannot exist: nothing is created) with a full result selection, a read.
 */
const OPERATIONS: ReadonlyArray<{ query: string; variables?: Record<string, unknown> }> = [
  { query: CREATE, variables: { i: { fileSystemId: 'fs-invalid' } } },
  { query: CREATE, variables: { i: { fileSystemId: 'fs-00000000', clientRequestToken: 'warm-up', tags: [{ key: 'warm', value: 'up' }] } } },
  { query: '{ backups(first: 1) { __typename ... on BackupConnection { edges { node { backupId lifecycle creationTime } } } } }' },
];

/**
 * Runs representative operations in-process, then over HTTP to `url` when given, so the first client
 * request does not pay for cold code paths (with credentials required, the HTTP ones end at the
 * authenticator, which still warms everything up to it).
 */
export async function warmUp<C extends object>(
  apollo: ApolloServer<C>,
  contextValue: C,
  url?: string,
  /** Sent with the HTTP ones: WARM_UP_HEADER, so that no client's budget pays for them. */
  headers: Record<string, string> = {},
): Promise<void> {
  for (const operation of OPERATIONS) await apollo.executeOperation(operation, { contextValue });
  if (!url) return;
  for (const operation of OPERATIONS) {
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(operation),
    }).catch(() => undefined);
  }
}

/**
 * Marks the warm-up's own HTTP requests with a secret of the process: they come from the loopback
 * address, which with AUTH_MODE=none is also a real client's budget key (a proxy on the same host).
 */
export const WARM_UP_HEADER = 'x-fsx-backup-graph-warm-up';
