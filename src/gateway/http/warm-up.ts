import type { ApolloServer } from '@apollo/server';
import type { Logger } from '../logging';

const CREATE = `mutation WarmUp($input: CreateBackupInput!) { createBackup(input: $input) { __typename
  ... on CreateBackupSuccess { clientRequestToken backup { backupId lifecycle type progressPercent creationTime } }
  ... on ErrorResult { message retryable } ... on InvalidInput { fieldErrors { path constraint message } } } }`;

type Operation = { query: string; variables?: Record<string, unknown> };
/** What the warm-up reads of the answers it gets: the ids it goes on with. */
type Answer = {
  fileSystems?: { edges?: Array<{ node?: { fileSystemId?: string } }> };
  createBackup?: { backup?: { backupId?: string } };
};

/**
 * Representative operations: an input class-validator refuses (no FSx call), one FSx refuses (a file
 * system that cannot exist: nothing is created) with a full result selection, a read.
 */
const OPERATIONS: ReadonlyArray<Operation> = [
  { query: CREATE, variables: { input: { fileSystemId: 'fs-invalid' } } },
  {
    query: CREATE,
    variables: { input: { fileSystemId: 'fs-00000000', clientRequestToken: 'warm-up', tags: [{ key: 'warm', value: 'up' }] } },
  },
  { query: '{ backups(first: 1) { __typename ... on BackupConnection { edges { node { backupId lifecycle creationTime } } } } }' },
];

const BACKUP = `backupId lifecycle type progressPercent creationTime kmsKeyId resourceARN ownerId resourceType sizeInBytes
  failureDetails { message } tags { key value } fileSystem { fileSystemId fileSystemType lifecycle storageCapacity }`;
const FILE_SYSTEMS = `{ fileSystems(first: 5) { __typename ... on FileSystemConnection { edges { node { fileSystemId fileSystemType } } } } }`;
const READ = `query WarmUpRead($id: String!) { backup(backupId: $id) { __typename ... on Backup { ${BACKUP} } ... on ErrorResult { message } } }`;
const LIST = `{ backups(first: 20) { __typename ... on BackupConnection { edges { cursor node { ${BACKUP} } } pageInfo { hasNextPage endCursor } } } }`;
const DELETE = `mutation WarmUpDelete($i: DeleteBackupInput!) { deleteBackup(input: $i) { __typename
  ... on DeleteBackupSuccess { backupId lifecycle } ... on ErrorResult { message retryable } } }`;

export interface WarmUpOptions {
  /** The gateway's own address: the HTTP rounds cross its server too. */
  url?: string;
  /** Sent with every HTTP one: WARM_UP_HEADER, so that no client pays for them and, with a scratch FSx, they run against it. */
  headers?: Record<string, string>;
  /**
   * Rounds of the success paths (a backup made, read, listed and deleted) over HTTP: only against a
   * scratch FSx (a throwaway emulator, see app.ts), never one where anything may be made.
   */
  scratchRounds?: number;
  /** Told why the warm-up stopped short, if it did. */
  logger?: Logger;
}

/** What the warm-up got through: rounds of the success paths completed. */
export interface WarmUpSummary {
  rounds: number;
}

/** Each HTTP request's limit, and the whole warm-up's: a stuck server must not hold the start-up. */
const REQUEST_TIMEOUT_MS = 5_000;
const DEADLINE_MS = 30_000;

/**
 * Runs representative operations in-process, then over HTTP to `url` when given, so the first client
 * request does not pay for cold code paths. A first request costs several times a steady one: lazy
 * compilation and the engine's first feedback on every function it crosses, far more than parsing
 * and validating its document (which PERSISTED_DOCUMENTS does at start); only running the same paths
 * a few times before the first client pays for them. With credentials required and no scratch FSx,
 * the HTTP ones end at the authenticator, which still warms everything up to it.
 */
export async function warmUp<C extends object>(
  apollo: ApolloServer<C>,
  contextValue: C,
  options: WarmUpOptions = {},
): Promise<WarmUpSummary> {
  for (const operation of OPERATIONS) await apollo.executeOperation(operation, { contextValue });
  const { url, headers = {}, scratchRounds = 0, logger } = options;
  if (!url) return { rounds: 0 };
  const deadline = Date.now() + DEADLINE_MS;
  const post = async (operation: Operation): Promise<Answer | undefined> => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(operation),
        signal: AbortSignal.timeout(Math.max(1, Math.min(REQUEST_TIMEOUT_MS, deadline - Date.now()))),
      });
      return ((await response.json()) as { data?: Answer }).data;
    } catch {
      return undefined;
    }
  };
  for (const operation of OPERATIONS) await post(operation);
  if (scratchRounds === 0) return { rounds: 0 };
  const stop = (why: string, rounds: number): WarmUpSummary => {
    logger?.warn({ rounds, of: scratchRounds }, `warm-up: ${why}; the first requests will be slower`);
    return { rounds };
  };
  const fileSystemId = (await post({ query: FILE_SYSTEMS }))?.fileSystems?.edges?.[0]?.node?.fileSystemId;
  if (!fileSystemId) return stop('the scratch FSx listed no file system', 0);
  for (let round = 0; round < scratchRounds; round++) {
    if (Date.now() > deadline) return stop(`past its deadline of ${DEADLINE_MS} ms`, round);
    const created = await post({ query: CREATE, variables: { input: { fileSystemId, tags: [{ key: 'warm', value: 'up' }] } } });
    const backupId = created?.createBackup?.backup?.backupId;
    if (!backupId) return stop('a backup could not be made on the scratch FSx', round);
    await post({ query: READ, variables: { id: backupId } });
    await post({ query: LIST });
    await post({ query: DELETE, variables: { i: { backupId } } });
  }
  return { rounds: scratchRounds };
}

/**
 * Marks the warm-up's own HTTP requests with a secret of the process: they come from the loopback
 * address, which with AUTH_MODE=none is also a real client's budget key (a proxy on the same host).
 */
export const WARM_UP_HEADER = 'x-fsx-backup-graph-warm-up';
