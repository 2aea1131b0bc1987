import type { AuthChecker } from 'type-graphql';
import { ForbiddenError } from './forbidden.error';
import type { Principal } from './principal';

/** What the auth checker needs of the request context. */
export interface AuthContext {
  principal: Principal;
}

/** `@Authorized(scope)` is checked here; without an authChecker type-graphql would silently allow everything. */
export const authChecker: AuthChecker<AuthContext> = ({ context }, scopes) => {
  const missing = scopes.filter((scope) => !context.principal.scopes.has(scope));
  if (missing.length) throw new ForbiddenError(missing);
  return true;
};
