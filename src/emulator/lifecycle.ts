/**
 * Time and backup lifecycle.
 *
 * Lifecycle is derived lazily from (now - creationTime) instead of being driven by timers:
 * state is then a pure function of the clock, so tests using ManualClock are deterministic
 * and nothing keeps the event loop alive after stop().
 */
import type { ModelEnum } from '../fsx-model';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}

export class ManualClock implements Clock {
  private current: number;

  constructor(startMs: number = Date.UTC(2024, 0, 1)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('ManualClock.advance needs a finite, non-negative number');
    this.current += ms;
  }

  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError('ManualClock.set needs a finite number');
    this.current = ms;
  }
}

type BackupLifecycle = ModelEnum<'BackupLifecycle'>;

export interface LifecycleState {
  lifecycle: BackupLifecycle;
  progressPercent: number;
}

/**
 * Lustre user-initiated backups go PENDING → CREATING → TRANSFERRING → AVAILABLE (per the FSx docs).
 * The split of the duration between phases is a guess: FSx does not document it.
 * Each entry is the fraction of the duration at which the phase ends.
 */
const LUSTRE_PHASES: ReadonlyArray<[BackupLifecycle, number]> = [
  ['PENDING', 0.1],
  ['CREATING', 0.5],
  ['TRANSFERRING', 1],
];
const DEFAULT_PHASES: ReadonlyArray<[BackupLifecycle, number]> = [['CREATING', 1]];
/** A copy (CopyBackup) is COPYING until AVAILABLE (per the FSx docs). */
const COPY_PHASES: ReadonlyArray<[BackupLifecycle, number]> = [['COPYING', 1]];

/**
 * `failAtPercent`: the backup goes FAILED once its progress reaches that percent (at once when the
 * duration is 0), and stays FAILED with the progress it had reached.
 */
export function deriveLifecycle(
  params: { createdAtMs: number; durationMs: number; lustre: boolean; copy?: boolean; failAtPercent?: number },
  nowMs: number,
): LifecycleState {
  const { createdAtMs, durationMs, lustre, copy = false, failAtPercent } = params;
  const elapsed = nowMs - createdAtMs;
  // A clock set backwards must not yield negative progress.
  const fraction = durationMs <= 0 ? 1 : Math.max(0, elapsed) / durationMs;
  if (failAtPercent !== undefined && fraction * 100 >= failAtPercent)
    return { lifecycle: 'FAILED', progressPercent: Math.floor(failAtPercent) };
  if (durationMs <= 0 || elapsed >= durationMs) return { lifecycle: 'AVAILABLE', progressPercent: 100 };
  const phases = copy ? COPY_PHASES : lustre ? LUSTRE_PHASES : DEFAULT_PHASES;
  const phase = phases.find(([, end]) => fraction < end) ?? phases[phases.length - 1];
  // Never report 100 before the backup is AVAILABLE: clients treat 100 as done.
  return { lifecycle: phase[0], progressPercent: Math.min(99, Math.floor(fraction * 100)) };
}
