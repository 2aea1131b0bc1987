/**
 * Fault injection: added latency, injected errors, and backups that fail part-way, per operation, at a rate.
 *
 * Determinism: a rule fires either on `every: N` (the Nth, 2Nth, ... matching call) or with
 * probability `rate` drawn from a seeded PRNG (mulberry32). The PRNG and counters restart on
 * every set()/clear(), so a test that sets rules sees the same sequence on every run.
 * Faults run BEFORE the handler, so an injected error never leaves state behind. A `failAtPercent`
 * rule answers normally: the backup (CreateBackup) or copy (CopyBackup) the call makes goes FAILED
 * once its progress reaches that percent, on the lifecycle clock.
 */
import { FsxError } from './protocol/errors';

export interface FaultRule {
  /** Operation name, or '*' / undefined for every operation. */
  operation?: string;
  /** Error code to answer with (e.g. InternalServerError, ThrottlingException, BackupInProgress). */
  error?: string;
  /** Defaults: 500 for InternalServerError, 503 for ServiceUnavailable, else 400. */
  status?: number;
  message?: string;
  /** Added latency in ms, applied when the rule fires (before any error). */
  latencyMs?: number;
  /** Probability in [0, 1] that the rule fires on a matching call; default 1. Ignored when `every` is set. */
  rate?: number;
  /** Fire on every Nth matching call (1 = every call). */
  every?: number;
  /** Fire at most this many times. */
  times?: number;
  /**
   * Instead of an error: the backup this call creates goes FAILED when its progress reaches this percent
   * (0–99; 0 = at once), with `message` (or a default) as FailureDetails.Message. CreateBackup and
   * CopyBackup only: such a rule does not match (or count) other operations.
   */
  failAtPercent?: number;
}

/** The operations whose backups a `failAtPercent` rule can make fail. */
const FAILABLE_OPERATIONS: readonly string[] = ['CreateBackup', 'CopyBackup'];

/** What a firing `failAtPercent` rule tells the handler. */
export interface InjectedFailure {
  atPercent: number;
  message?: string;
}

export const DEFAULT_FAULT_SEED = 0x5eed;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function statusForError(code: string): number {
  if (code === 'InternalServerError') return 500;
  if (code === 'ServiceUnavailable' || code === 'ServiceUnavailableException') return 503;
  return 400;
}

function validateFaultRule(rule: FaultRule, where = 'fault rule'): FaultRule {
  if (typeof rule !== 'object' || rule === null) throw new Error(`${where}: must be an object`);
  const num = (name: keyof FaultRule, min: number, max = Number.MAX_SAFE_INTEGER, integer = false) => {
    const v = rule[name];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      throw new Error(`${where}: ${name} must be a ${integer ? 'whole ' : ''}number between ${min} and ${max}`);
    }
  };
  num('rate', 0, 1);
  num('every', 1, Number.MAX_SAFE_INTEGER, true);
  num('times', 0, Number.MAX_SAFE_INTEGER, true);
  num('latencyMs', 0, 600_000);
  num('status', 400, 599, true);
  num('failAtPercent', 0, 99);
  if (rule.failAtPercent !== undefined) {
    if (rule.error !== undefined) throw new Error(`${where}: a rule either answers an error or fails the backup (failAtPercent), not both`);
    if (rule.operation !== undefined && rule.operation !== '*' && !FAILABLE_OPERATIONS.includes(rule.operation)) {
      throw new Error(`${where}: failAtPercent applies to ${FAILABLE_OPERATIONS.join(' and ')} only`);
    }
  }
  if (rule.error !== undefined && (typeof rule.error !== 'string' || !/^[A-Za-z][A-Za-z0-9_.#]*$/.test(rule.error))) {
    throw new Error(`${where}: error must be an error code such as InternalServerError`);
  }
  if (rule.error === undefined && rule.latencyMs === undefined && rule.failAtPercent === undefined) {
    throw new Error(`${where}: needs an error, latencyMs or failAtPercent`);
  }
  return { ...rule };
}

/**
 * Parses the compact syntax of FSX_EMULATOR_FAULTS and the admin route:
 *   rule[,rule...]   rule = <Operation|*>:<part>[:<part>...]
 *   part = <ErrorCode> | <rate 0..1> | latency=<ms> | rate=<0..1> | every=<N> | times=<N> | status=<NNN> | message=<text>
 *        | fail=<percent 0..99>
 * e.g. "CreateBackup:InternalServerError:0.5,DescribeBackups:latency=200,*:ThrottlingException:every=3,CopyBackup:fail=40:times=1"
 */
export function parseFaultSpec(spec: string): FaultRule[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((text) => {
      const [operation, ...parts] = text.split(':').map((p) => p.trim());
      if (!operation || parts.length === 0) throw new Error(`fault rule '${text}': expected <Operation|*>:<error or latency=ms>[:...]`);
      const rule: FaultRule = { operation };
      for (const part of parts) {
        const eq = part.indexOf('=');
        if (eq > 0) {
          const key = part.slice(0, eq);
          const value = part.slice(eq + 1);
          const n = Number(value);
          switch (key) {
            case 'latency':
            case 'latencyMs':
              rule.latencyMs = n;
              break;
            case 'rate':
              rule.rate = n;
              break;
            case 'every':
              rule.every = n;
              break;
            case 'times':
              rule.times = n;
              break;
            case 'status':
              rule.status = n;
              break;
            case 'message':
              rule.message = value;
              break;
            case 'error':
              rule.error = value;
              break;
            case 'fail':
            case 'failAtPercent':
              rule.failAtPercent = n;
              break;
            default:
              throw new Error(`fault rule '${text}': unknown option '${key}'`);
          }
          if (key !== 'message' && key !== 'error' && !Number.isFinite(n)) {
            throw new Error(`fault rule '${text}': ${key} must be a number`);
          }
        } else if (/^\d*\.?\d+$/.test(part)) {
          rule.rate = Number(part);
        } else {
          rule.error = part;
        }
      }
      return validateFaultRule(rule, `fault rule '${text}'`);
    });
}

interface ActiveRule {
  rule: FaultRule;
  matched: number;
  fired: number;
}

export class FaultInjector {
  private active: ActiveRule[] = [];
  private random: () => number;

  constructor(
    rules: FaultRule[] = [],
    private readonly seed = DEFAULT_FAULT_SEED,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.random = mulberry32(seed);
    this.set(rules);
  }

  set(rules: FaultRule[]): void {
    const validated = rules.map((r, i) => validateFaultRule(r, `fault rule #${i}`));
    this.random = mulberry32(this.seed);
    this.active = validated.map((rule) => ({ rule, matched: 0, fired: 0 }));
  }

  clear(): void {
    this.set([]);
  }

  list(): FaultRule[] {
    return this.active.map((a) => ({ ...a.rule }));
  }

  /**
   * Decides which rules fire for this call, sleeps their latency, then throws the first error; or
   * answers the failure the first firing `failAtPercent` rule asks for (CreateBackup, CopyBackup).
   */
  async apply(operation: string): Promise<InjectedFailure | undefined> {
    let latency = 0;
    let error: FsxError | undefined;
    let failure: InjectedFailure | undefined;
    for (const a of this.active) {
      const { rule } = a;
      if (rule.operation !== undefined && rule.operation !== '*' && rule.operation !== operation) continue;
      if (rule.failAtPercent !== undefined && !FAILABLE_OPERATIONS.includes(operation)) continue;
      a.matched++;
      if (rule.times !== undefined && a.fired >= rule.times) continue;
      const fires = rule.every !== undefined ? a.matched % rule.every === 0 : this.random() < (rule.rate ?? 1);
      if (!fires) continue;
      a.fired++;
      latency += rule.latencyMs ?? 0;
      if (rule.error && !error) {
        error = new FsxError(
          rule.error,
          rule.message ?? `Injected fault: ${rule.error} for ${operation}`,
          rule.status ?? statusForError(rule.error),
        );
      }
      if (rule.failAtPercent !== undefined && !failure) failure = { atPercent: rule.failAtPercent, message: rule.message };
    }
    if (latency > 0) await this.sleep(latency);
    if (error) throw error;
    return failure;
  }
}
