/** Every AWS request received, in order; an array so tests can use length, filter, indexing. */
export interface CallRecord {
  /** Which API: FSx (AWS JSON 1.1) or the emulator's STS (query protocol). Absent in records built by hand. */
  service?: 'fsx' | 'sts';
  /** The FSx operation (X-Amz-Target) or the STS Action. */
  operation: string;
  input: unknown;
  /** The region the request was for (its credential scope, or the default region when unsigned). */
  region?: string;
  /** The x-amzn-RequestId the answer carried: what a client's error result or log names. */
  requestId?: string;
  /** The account the request was for: its STS-issued credentials' account, else the first account. */
  account?: string;
  /** The SourceIdentity its credentials were assumed with; null when they carry none. */
  sourceIdentity?: string | null;
}

export type CallLog = CallRecord[] & {
  /** Number of calls, of one operation when given. */
  count(operation?: string): number;
  clear(): void;
};

/** Only the most recent calls are kept: an embedded emulator in a long-running gateway must not grow forever. */
const CALL_LOG_LIMIT = 10_000;

export function createCallLog(limit = CALL_LOG_LIMIT): CallLog {
  const log = [] as CallRecord[];
  Object.defineProperties(log, {
    push: {
      enumerable: false,
      value: (...records: CallRecord[]) => {
        Array.prototype.push.apply(log, records);
        if (log.length > limit) log.splice(0, log.length - limit);
        return log.length;
      },
    },
    count: {
      enumerable: false,
      value: (operation?: string) => (operation === undefined ? log.length : log.filter((c) => c.operation === operation).length),
    },
    clear: { enumerable: false, value: () => void (log.length = 0) },
  });
  return log as CallLog;
}
