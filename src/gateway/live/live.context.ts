import type { Principal } from '../auth/principal';
import type { FsxCaller } from '../fsx/fsx-places';
import type { LiveHub } from './live-hub';

/** What the live resolvers need of the context: the caller, the places it may use, and the process's one hub. */
export interface LiveContext {
  principal: Principal;
  places: Pick<FsxCaller, 'choose'>;
  live: LiveHub;
}
