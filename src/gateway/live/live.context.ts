import type { Principal } from '../auth/principal';
import type { LiveHub } from './live-hub';

/** What the live resolvers need of the context: the caller, and the process's one hub. */
export interface LiveContext {
  principal: Principal;
  live: LiveHub;
}
