/**
 * An answer with the id it names and its FSx request id replaced. A resource hidden from the caller must
 * answer exactly like one that does not exist: both come after an FSx call, and carry that call's
 * request id, which differs from call to call.
 */
export function anonymized(value: unknown, id: string): unknown {
  return JSON.parse(
    JSON.stringify(value)
      .split(id)
      .join('<id>')
      .replace(/"requestId":"[^"]+"/g, '"requestId":"<request id>"'),
  );
}
