/**
 * The one error type STS handlers throw. It travels as STS sends errors in the AWS query protocol:
 * `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…`
 * (query-protocol.ts writes it), with the HTTP status AWS gives the code.
 */
export class StsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = code === 'AccessDenied' || code === 'InvalidClientTokenId' ? 403 : code === 'InternalFailure' ? 500 : 400,
  ) {
    super(message);
    this.name = code;
  }

  /** Sender for the caller's mistakes, Receiver for the service's. */
  get type(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

/** One broken constraint of one member, as AWS's request validation words it. */
export interface Violation {
  /** The member in lower camel case, as AWS names it in the message (roleSessionName). */
  member: string;
  /** The value given; null for a missing member. */
  value: string | null;
  /** e.g. "Member must have length greater than or equal to 2". */
  constraint: string;
}

/** AWS's wording: "2 validation errors detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: ...; Value ...". */
export function validationError(violations: readonly Violation[]): StsError {
  const n = violations.length;
  const each = violations.map(
    (v) => `Value ${v.value === null ? 'null' : `'${v.value}'`} at '${v.member}' failed to satisfy constraint: ${v.constraint}`,
  );
  return new StsError('ValidationError', `${n} validation error${n === 1 ? '' : 's'} detected: ${each.join('; ')}`);
}
