import type { ValidationError } from 'class-validator';
import { GraphQLInputObjectType, getNamedType, isInputObjectType } from 'graphql';
import { ArgumentValidationError, type MiddlewareFn } from 'type-graphql';
import { FieldError, InvalidInput, result } from '../results/error-result';

/**
 * type-graphql validates input classes with class-validator before the resolver runs and throws
 * ArgumentValidationError. On fields whose union includes InvalidInput, this turns it into that
 * typed result: nothing was sent to FSx, and the client gets per-field paths and constraints.
 */
export const InvalidInputAsResult: MiddlewareFn = async ({ info }, next) => {
  try {
    return await next();
  } catch (error) {
    if (!(error instanceof ArgumentValidationError)) throw error;
    const errors = (error.extensions.validationErrors ?? []) as ValidationError[];
    const argNames = info.parentType.getFields()[info.fieldName].args;
    const fieldErrors = errors.flatMap((e) => flatten(e, prefixFor(e.property, argNames)));
    return invalidInput(fieldErrors);
  }
};

export function invalidInput(fieldErrors: FieldError[]): InvalidInput {
  const first = fieldErrors[0];
  const message = first ? `${first.path.join('.')}: ${first.message}` : 'Invalid input';
  return result(InvalidInput, {
    message: fieldErrors.length > 1 ? `${message} (and ${fieldErrors.length - 1} more)` : message,
    retryable: false,
    requestId: null,
    fieldErrors,
  });
}

export function fieldError(path: string[], constraint: string, message: string): FieldError {
  return result(FieldError, { path, constraint, message });
}

/** `@Arg('input')` errors name the input's fields; `@Args()` errors name the arguments themselves. */
function prefixFor(property: string, args: ReadonlyArray<{ name: string; type: unknown }>): string[] {
  if (args.some((a) => a.name === property)) return [];
  const owner = args.find((a) => {
    const type = getNamedType(a.type as GraphQLInputObjectType);
    return isInputObjectType(type) && property in type.getFields();
  });
  return owner ? [owner.name] : [];
}

function flatten(error: ValidationError, parent: string[]): FieldError[] {
  const path = [...parent, String(error.property)];
  const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => fieldError(path, constraint, message));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, path))];
}
