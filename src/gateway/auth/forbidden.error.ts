import { GraphQLError } from 'graphql';

/** The principal lacks a scope. Where the field's union has a Forbidden member it becomes that; else a FORBIDDEN error. */
export class ForbiddenError extends GraphQLError {
  constructor(readonly missingScopes: string[]) {
    super(`This operation needs the scope ${missingScopes.join(' and ')}, which your credentials do not grant`, {
      extensions: { code: 'FORBIDDEN', missingScopes },
    });
  }
}
