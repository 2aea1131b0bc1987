import { GraphQLError } from 'graphql';

export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

/**
 * The error that replaces an answer of `bytes` bytes, over `maxBytes` (MAX_RESPONSE_BYTES): the
 * operation ran (a mutation took effect), but its answer is not sent. Over HTTP and WebSocket alike.
 */
export function responseTooLarge(bytes: number, maxBytes: number): GraphQLError {
  return new GraphQLError(`The answer (${bytes} bytes) is larger than the ${maxBytes} bytes allowed: ask for fewer items or fields`, {
    extensions: { code: RESPONSE_TOO_LARGE, bytes, maxBytes },
  });
}

/** The size of `text` in UTF-8, or undefined when it is known to be within `maxBytes` without counting (3 bytes at most per UTF-16 unit). */
export function bytesOver(text: string, maxBytes: number): number | undefined {
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = Buffer.byteLength(text);
  return bytes > maxBytes ? bytes : undefined;
}
