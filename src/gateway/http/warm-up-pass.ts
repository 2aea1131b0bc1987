import { randomUUID } from 'node:crypto';
import type { Authenticate } from '../auth/authenticate';
import { ANONYMOUS, type Principal } from '../auth/principal';
import { type Context, type GatewayDeps, createContext } from '../context';
import type { FsxRegions } from '../fsx/fsx-regions';
import { LiveHub } from '../live/live-hub';
import { WARM_UP_HEADER } from './warm-up';

/**
 * Who the start-up warm-up's own HTTP requests are. They carry a secret known to this process alone,
 * and only until the warm-up ends (`close`). It is looked at once, when a request is authenticated:
 * the principal it gets is marked, and only a marked principal's context is the warm-up's: no log
 * line, no client's budget, and with a scratch FSx that FSx and nothing else, as anyone (nothing it
 * reaches is real), whenever the context is built. Without a scratch FSx the credentials still decide.
 */
export class WarmUpPass {
  private secret: string | undefined = randomUUID();
  private readonly principals = new WeakSet<Principal>();
  private readonly scratch?: GatewayDeps;

  constructor(
    private readonly deps: GatewayDeps,
    scratchFsx?: FsxRegions,
  ) {
    // Its own live hub: the warm-up's backups are news to nobody.
    this.scratch = scratchFsx && { ...deps, fsx: scratchFsx, live: new LiveHub(scratchFsx, { pollIntervalMs: 60_000 }) };
  }

  /** Whether the warm-up runs against a scratch FSx (and may make backups there). */
  get hasScratch(): boolean {
    return this.scratch !== undefined;
  }

  /** The headers the warm-up's requests carry (none once it is over). */
  get headers(): Record<string, string> {
    return this.secret ? { [WARM_UP_HEADER]: this.secret } : {};
  }

  /** `authenticate`, but the warm-up's own requests get a marked principal. */
  authenticate(authenticate: Authenticate): Authenticate {
    return async (headers) => {
      if (this.secret === undefined || headers[WARM_UP_HEADER] !== this.secret) return authenticate(headers);
      const principal = { ...(this.scratch ? ANONYMOUS : await authenticate(headers)) };
      this.principals.add(principal);
      return principal;
    };
  }

  /** The context of a request: the warm-up's for a marked principal, else the usual one. */
  context(principal: Principal, requestId: string, clientAddress?: string): Context {
    return this.principals.has(principal)
      ? this.warmUpContext(principal, requestId, clientAddress)
      : createContext(this.deps, principal, requestId, clientAddress);
  }

  /** A context of the warm-up's own (in-process operations too). */
  warmUpContext(principal: Principal = ANONYMOUS, requestId = 'warm-up', clientAddress?: string): Context {
    return { ...createContext(this.scratch ?? this.deps, principal, requestId, clientAddress), warmUp: true };
  }

  /** The warm-up is over: the secret means nothing from now on. */
  async close(): Promise<void> {
    this.secret = undefined;
    await this.scratch?.live.stop();
  }
}
