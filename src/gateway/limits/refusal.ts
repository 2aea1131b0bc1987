import { GraphQLError } from 'graphql';

/**
 * The error of a limit a client ran into. A refusal is the client's doing, not a fault of the
 * gateway: it carries no stack trace. Capturing one was most of what refusing a flood cost (measured
 * in the attack mix: 1.7 s of 18 s of CPU), and in development it was sent back with every refusal.
 */
export function refusal(message: string, extensions: Record<string, unknown>): GraphQLError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new GraphQLError(message, { extensions });
  } finally {
    Error.stackTraceLimit = limit;
  }
}
