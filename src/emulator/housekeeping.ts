/**
 * What FSx does on its own as time passes, caught up lazily: before the emulator serves a request it
 * brings each region's state from the last time it looked up to now. There are no timers (see
 * lifecycle.ts), so with a ManualClock a test steps all of it exactly.
 *
 * - Automatic backups: one AUTOMATIC backup per eligible file system (an ONTAP file system: per
 *   volume, as FSx for ONTAP backs up volumes) each day at its DailyAutomaticBackupStartTime (UTC),
 *   while AutomaticBackupRetentionDays is at least 1. Each is dated at its window, so a catch-up over
 *   three days makes three, as a running FSx would have.
 * - Retention: an automatic backup made here is deleted once it is AutomaticBackupRetentionDays old.
 * - Deletions: a DELETING volume or file system goes once its deletion time is over; a file system
 *   takes its automatic backups with it ("Any existing automatic backups ... are also deleted",
 *   DeleteFileSystem reference); its user-initiated and final backups stay.
 */
import type { OperationContext } from './context';
import { newResourceId } from './ids';
import { availableSinceMs, isS3LinkedLustre, isScratchLustre, snapshotFileSystem } from './store/file-system-factory';
import type { BackupRecord, FileSystemRecord, VolumeRecord } from './store/records';
import { snapshotVolume } from './store/volume-factory';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The per-type configuration holding a file system's automatic-backup settings. */
export const backupSettingsOf = (fs: FileSystemRecord): Record<string, unknown> | undefined =>
  fs.windowsConfiguration ?? fs.lustreConfiguration ?? fs.ontapConfiguration ?? fs.openZfsConfiguration;

interface Schedule {
  retentionDays: number;
  /** Minutes after midnight UTC. */
  startMinute: number;
}

function scheduleOf(fs: FileSystemRecord): Schedule | undefined {
  // Lustre scratch and S3-linked file systems cannot be backed up at all.
  if (isScratchLustre(fs) || isS3LinkedLustre(fs)) return undefined;
  const settings = backupSettingsOf(fs);
  const retentionDays = settings?.AutomaticBackupRetentionDays;
  const startTime = settings?.DailyAutomaticBackupStartTime;
  const time = typeof startTime === 'string' ? /^(\d\d):?(\d\d)$/.exec(startTime) : null;
  if (typeof retentionDays !== 'number' || retentionDays < 1 || !time) return undefined;
  return { retentionDays, startMinute: Number(time[1]) * 60 + Number(time[2]) };
}

/** Whether a resource existed, ready and not being deleted, at time t. */
const liveAt = (r: { deletingSinceMs?: number }, readySinceMs: number, t: number): boolean =>
  readySinceMs <= t && (r.deletingSinceMs === undefined || t < r.deletingSinceMs);

function automaticBackup(ctx: OperationContext, fs: FileSystemRecord, t: number, volume?: VolumeRecord): BackupRecord {
  const copyTags = volume ? volume.ontapConfiguration?.CopyTagsToBackups === true : backupSettingsOf(fs)?.CopyTagsToBackups === true;
  return {
    backupId: newResourceId('backup'),
    type: 'AUTOMATIC',
    createdAtMs: t,
    durationMs: ctx.backupDurationMs,
    fileSystemId: fs.fileSystemId,
    fileSystem: snapshotFileSystem(fs, t, ctx.region),
    volume: volume && snapshotVolume(volume),
    tags: copyTags ? (volume ?? fs).tags.map((tag) => ({ ...tag })) : [],
    kmsKeyId: fs.kmsKeyId,
    scheduled: true,
  };
}

/** The daily windows in (fromMs, nowMs] whose backup would still be within retention at nowMs. */
function windows(schedule: Schedule, fromMs: number, nowMs: number): number[] {
  const found: number[] = [];
  const earliest = Math.max(fromMs, nowMs - schedule.retentionDays * DAY_MS);
  for (let day = Math.floor(earliest / DAY_MS) * DAY_MS; day <= nowMs; day += DAY_MS) {
    const t = day + schedule.startMinute * MINUTE_MS;
    if (t > earliest && t <= nowMs) found.push(t);
  }
  return found;
}

function makeAutomaticBackups(ctx: OperationContext, fromMs: number, nowMs: number): void {
  const { store } = ctx;
  for (const fs of store.listFileSystems()) {
    const schedule = scheduleOf(fs);
    if (!schedule) continue;
    const volumes = fs.fileSystemType === 'ONTAP' ? store.listVolumes().filter((v) => v.fileSystemId === fs.fileSystemId) : [];
    for (const t of windows(schedule, fromMs, nowMs)) {
      if (!liveAt(fs, availableSinceMs(fs), t)) continue;
      if (fs.fileSystemType !== 'ONTAP') {
        store.putBackup(automaticBackup(ctx, fs, t));
        continue;
      }
      for (const v of volumes) if (liveAt(v, v.createdAtMs + (v.durationMs ?? 0), t)) store.putBackup(automaticBackup(ctx, fs, t, v));
    }
  }
}

function finishDeletions(ctx: OperationContext, nowMs: number): void {
  const { store } = ctx;
  const over = (r: { deletingSinceMs?: number; deleteDurationMs?: number }) =>
    r.deletingSinceMs !== undefined && nowMs >= r.deletingSinceMs + (r.deleteDurationMs ?? 0);
  for (const v of store.listVolumes()) if (over(v)) store.removeVolume(v.volumeId);
  for (const fs of store.listFileSystems()) {
    if (!over(fs)) continue;
    for (const v of store.listVolumes()) if (v.fileSystemId === fs.fileSystemId) store.removeVolume(v.volumeId);
    for (const svm of store.listStorageVirtualMachines())
      if (svm.fileSystemId === fs.fileSystemId) store.removeStorageVirtualMachine(svm.storageVirtualMachineId);
    for (const b of store.listBackups()) if (b.fileSystemId === fs.fileSystemId && b.type === 'AUTOMATIC') store.deleteBackup(b.backupId);
    store.removeFileSystem(fs.fileSystemId);
  }
}

function applyRetention(ctx: OperationContext, nowMs: number): void {
  const { store } = ctx;
  for (const b of store.listBackups()) {
    if (!b.scheduled) continue;
    const retentionDays = backupSettingsOf(store.getFileSystem(b.fileSystemId) ?? b.fileSystem)?.AutomaticBackupRetentionDays;
    // Guess: retention 0 stops new automatic backups and leaves the existing ones alone.
    if (typeof retentionDays === 'number' && retentionDays >= 1 && nowMs >= b.createdAtMs + retentionDays * DAY_MS) {
      store.deleteBackup(b.backupId);
    }
  }
}

/** Brings the region's state up to the clock. The first look (start, reset) only records the time: no backups are backfilled. */
export function housekeep(ctx: OperationContext): void {
  const nowMs = ctx.clock.now();
  const fromMs = ctx.store.housekeptThroughMs;
  if (fromMs !== undefined && nowMs > fromMs) makeAutomaticBackups(ctx, fromMs, nowMs);
  finishDeletions(ctx, nowMs);
  applyRetention(ctx, nowMs);
  ctx.store.housekeptThroughMs = nowMs;
}
