import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import type { Context } from '../context';

/** The principal lacks a scope. Where the field's union has a Forbidden member it becomes that; else a FORBIDDEN error. */
export class ForbiddenError extends GraphQLError {
  constructor(readonly missingScopes: string[]) {
    super(`This operation needs the scope ${missingScopes.join(' and ')}, which your credentials do not grant`, {
      extensions: { code: 'FORBIDDEN', missingScopes },
    });
  }
}

/** `@Authorized(scope)` is checked here; without an authChecker type-graphql would silently allow everything. */
export const authChecker: AuthChecker<Context> = ({ context }, scopes) => {
  const missing = scopes.filter((scope) => !context.principal.scopes.has(scope));
  if (missing.length) throw new ForbiddenError(missing);
  return true;
};
