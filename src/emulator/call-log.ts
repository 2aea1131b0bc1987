/** Every AWS request received, in order; an array so tests can use length, filter, indexing. */
export interface CallRecord {
  operation: string;
  input: unknown;
}

export type CallLog = CallRecord[] & {
  /** Number of calls, of one operation when given. */
  count(operation?: string): number;
  clear(): void;
};

export function createCallLog(): CallLog {
  const log = [] as CallRecord[];
  Object.defineProperties(log, {
    count: {
      enumerable: false,
      value: (operation?: string) => (operation === undefined ? log.length : log.filter((c) => c.operation === operation).length),
    },
    clear: { enumerable: false, value: () => void (log.length = 0) },
  });
  return log as CallLog;
}
