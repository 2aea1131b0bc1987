import type { Clock } from '../lifecycle';
import type { Caller } from './caller';
import type { XmlContent } from './query-protocol';
import type { RoleSessions } from './sessions';

/** What an STS action may use. Like FSx handlers, actions never see HTTP. */
export interface StsContext {
  /** Who signed the request (already checked: not expired, not unknown). */
  caller: Caller;
  /** The accounts served: a role of any of them may be assumed. */
  accounts: readonly string[];
  sessions: RoleSessions;
  clock: Clock;
  /** Role ARN → the external id its trust policy requires. */
  roleExternalIds: Readonly<Record<string, string>>;
}

/** Form parameters in, the `<{Action}Result>` content out, or an StsError. */
export type StsAction = (params: Readonly<Record<string, string>>, ctx: StsContext) => Record<string, XmlContent>;
