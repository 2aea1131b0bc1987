import type { ValidationError } from 'class-validator';
import { type GraphQLField, type GraphQLSchema, getNamedType, isObjectType, isUnionType } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ForbiddenError } from '../auth/forbidden.error';
import { type FieldError, Forbidden, InvalidInput, result } from './error-result';
import { fieldError, invalidInput } from './invalid-input';

/**
 * Turns the errors type-graphql throws before a resolver runs into the typed results the field's
 * union offers: class-validator failures (ArgumentValidationError) into InvalidInput, a missing
 * scope (ForbiddenError from the authChecker) into Forbidden. type-graphql runs @Authorized ahead of
 * every middleware, so this wraps the built resolvers instead. Fields whose union lacks the member
 * keep the error (FORBIDDEN at the top level). Applied to the type-graphql schema before the
 * federation rebuild, which reuses these resolvers.
 */
export function errorsAsResults(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      if (!field.resolve || !isUnionType(returned)) continue;
      const members = new Set(returned.getTypes().map((t) => t.name));
      if (members.has(InvalidInput.name) || members.has(Forbidden.name)) wrap(field, members);
    }
  }
  return schema;
}

function wrap(field: GraphQLField<unknown, unknown>, members: Set<string>): void {
  const resolve = field.resolve!;
  field.resolve = async (source, args, context, info) => {
    try {
      return await resolve(source, args, context, info);
    } catch (error) {
      if (error instanceof ArgumentValidationError && members.has(InvalidInput.name)) {
        const errors = error.extensions.validationErrors ?? [];
        return invalidInput(errors.flatMap((e) => flatten(e, prefixFor(e.property, field))));
      }
      if (error instanceof ForbiddenError && members.has(Forbidden.name)) return forbidden(error);
      throw error;
    }
  };
}

/** class-validator failures of a field's arguments themselves (an `@Args()` class) as InvalidInput. */
export const argumentsInvalid = (errors: ValidationError[]): InvalidInput => invalidInput(errors.flatMap((e) => flatten(e, [])));

export const forbidden = (error: ForbiddenError): Forbidden =>
  result(Forbidden, { message: error.message, retryable: false, requestId: null, missingScopes: error.missingScopes });

/** `@Arg('input')` errors name the input's fields; `@Args()` errors name the arguments themselves. */
function prefixFor(property: string, field: GraphQLField<unknown, unknown>): string[] {
  if (field.args.some((a) => a.name === property)) return [];
  const owner = field.args.find((a) => {
    const type = getNamedType(a.type);
    return 'getFields' in type && property in (type as { getFields(): object }).getFields();
  });
  return owner ? [owner.name] : [];
}

function flatten(error: ValidationError, parent: string[]): FieldError[] {
  const path = [...parent, String(error.property)];
  const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => fieldError(path, constraint, message));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, path))];
}
