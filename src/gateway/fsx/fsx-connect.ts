import type { FSxClient } from '@aws-sdk/client-fsx';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { type AccountsConfig, type FsxAccount, accountOfRoleArn } from './accounts';
import { AssumedRoles, type RoleSession } from './assumed-roles';
import { type CallBudget, spendFromBudget } from './call-budget';
import { type FsxClientOptions, createFsxClient, createRequestHandler, ownCredentials } from './fsx-client';
import { FsxPlaces, type PlaceClients } from './fsx-places';
import type { Logger } from '../logging';
import { Lru } from './lru';
import type { Place } from './place';
import { renewExpiredCredentials } from './renew-expired';
import { SharedReadStore, shareReads } from './shared-reads';

export interface ConnectOptions extends FsxClientOptions {
  readCacheMs?: number;
  budget?: CallBudget;
  /** FSX_SOURCE_IDENTITY, FSX_ROLE_ARN and FSX_CREDENTIALS_CACHE_SIZE (default: no attribution). */
  attribution?: Pick<AccountsConfig, 'sourceIdentity' | 'roleArn' | 'credentialsCacheSize'>;
  /** Told of every client made (the gateway's own, live progress's, each principal's): metrics and the audit's FSx request ids. */
  instrument?: (client: FSxClient, place: Place, sourceIdentity?: string) => void;
  /** Where STS's refusals are logged, with what callers are not told (assumed-roles.ts). */
  logger?: Logger;
}

/**
 * The FSx clients of every place served, configured alike: one keep-alive pool (one request handler)
 * for all of them and for STS; timeouts that abort; calls taking turns from the FSx call budget
 * (call-budget.ts) per place. The requests' clients share identical reads in flight per place
 * (shared-reads.ts); live progress has its own, whose reads are always fresh and whose turns come
 * first. An account with a roleArn is reached with that role's credentials (STS AssumeRole); with
 * attribution, calls made for a principal use credentials assumed with its SourceIdentity, through
 * clients made on first use and kept in a bounded LRU.
 */
export function connectFsx(options: ConnectOptions, accounts: readonly FsxAccount[]): FsxPlaces {
  const requestHandler = createRequestHandler(options);
  const cacheSize = options.attribution?.credentialsCacheSize ?? 1000;
  // The gateway's own credentials, resolved once for every client and every role it assumes (the
  // default chain may ask instance metadata: once, not once per principal's STS client).
  const own = ownCredentials(options.endpointUrl) ?? fromNodeProviderChain();
  const roles = new AssumedRoles({
    sts: { region: options.region, endpoint: options.endpointUrl, requestHandler, maxAttempts: options.fsx.maxAttempts },
    masterCredentials: own,
    cacheSize,
    logger: options.logger,
  });
  const byId = new Map(accounts.map((account) => [account.accountId, account]));
  const attributionRole = (accountId: string): Omit<RoleSession, 'sourceIdentity'> | undefined => {
    const account = byId.get(accountId);
    if (!account || options.attribution?.sourceIdentity !== 'principal') return undefined;
    // The account's own role, else FSX_ROLE_ARN where it is a role of this account (its external id is the account's own role's only).
    const fallback = options.attribution.roleArn;
    const roleArn = account.roleArn ?? (fallback && accountOfRoleArn(fallback) === accountId ? fallback : undefined);
    return roleArn ? { accountId, roleArn, externalId: account.roleArn ? account.externalId : undefined } : undefined;
  };
  const reads = new Map<string, SharedReadStore>();
  const readsOf = (place: Place) => {
    let store = reads.get(place.key);
    if (!store) reads.set(place.key, (store = new SharedReadStore(options.readCacheMs)));
    return store;
  };

  const make = (place: Place, live: boolean, session?: RoleSession): FSxClient => {
    const client = createFsxClient({
      ...options,
      region: place.region,
      requestHandler,
      credentials: session ? roles.provider(session) : own,
    });
    // Each attempt takes a turn; a read shared by many requests is one call, so one turn per attempt for all.
    if (options.budget) spendFromBudget(client, place.key, options.budget, live);
    if (session) renewExpiredCredentials(client, (accessKeyId) => roles.drop(session, accessKeyId));
    if (!live) shareReads(client, readsOf(place), session?.sourceIdentity);
    options.instrument?.(client, place, session?.sourceIdentity);
    return client;
  };
  const ownSession = (place: Place): RoleSession | undefined => {
    const account = byId.get(place.accountId);
    return account?.roleArn ? { accountId: account.accountId, roleArn: account.roleArn, externalId: account.externalId } : undefined;
  };
  const ownClients = new Map<string, FSxClient>();
  const liveClients = new Map<string, FSxClient>();
  const made = (clients: Map<string, FSxClient>, place: Place, isLive: boolean) => {
    let client = clients.get(place.key);
    if (!client) clients.set(place.key, (client = make(place, isLive, ownSession(place))));
    return client;
  };
  // A principal's clients of an account, one per region (~20 KB each), in an LRU as large as the credentials'.
  const attributed = new Lru<string, Map<string, FSxClient>>(cacheSize);

  const clients: PlaceClients = {
    own: (place) => made(ownClients, place, false),
    live: (place) => made(liveClients, place, true),
    attributed(place, sourceIdentity) {
      const role = attributionRole(place.accountId);
      if (!role) return undefined;
      const regions = attributed.getOrSet(`${place.accountId}|${sourceIdentity}`, () => new Map());
      let client = regions.get(place.region);
      if (!client) regions.set(place.region, (client = make(place, false, { ...role, sourceIdentity })));
      return client;
    },
    // Every client shares the one handler: destroying it once closes every pool (clients made per principal hold nothing else).
    destroy: () => requestHandler.destroy(),
  };
  return new FsxPlaces(accounts, clients);
}
