/**
 * Where an FSx call goes: an account and a region. FSx keeps its resources, its quotas and its
 * throttling per account and region, so everything the gateway keys by "where" (clients, DataLoaders,
 * cursors, the call budget, shared reads, live polls, metrics) is keyed by a Place.
 */
export class Place {
  /** `<account>:<region>`, as in an ARN: a map key and a label that names both. */
  readonly key: string;

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {
    this.key = `${accountId}:${region}`;
  }

  /** Places compare by key. */
  static of(accountId: string, region: string): Place {
    return new Place(accountId, region);
  }

  /** The place of a key made by `key` (live progress carries keys between replicas), or undefined for anything else. */
  static fromKey(key: string): Place | undefined {
    const at = key.indexOf(':');
    return at > 0 && at < key.length - 1 ? Place.of(key.slice(0, at), key.slice(at + 1)) : undefined;
  }

  toString(): string {
    return this.key;
  }
}

/** The account field of an ARN (arn:partition:service:region:account:resource), if it has one. */
export const accountOfArn = (arn: string | null | undefined): string | undefined => arn?.split(':')[4] || undefined;

/** The region field of an ARN, if it has one. */
export const regionOfArn = (arn: string | null | undefined): string | undefined => arn?.split(':')[3] || undefined;
