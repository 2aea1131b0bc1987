/** How the console writes sizes, times, names and backup types; and the tokens its forms send. */
export function formatBytes(bytes: number | null | undefined): string {
  if (typeof bytes !== 'number') return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value >= 10 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace('T', ' ').slice(0, 16);
}

export const nameTag = (tags: ReadonlyArray<{ key: string; value: string }> | null | undefined): string | undefined =>
  tags?.find((t) => t.key === 'Name')?.value;

/** A client request token (FSx: [A-za-z0-9_.-]), so a retry of the same form cannot make a second backup. */
export function newClientRequestToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const BACKUP_TYPES: Record<string, string> = { AUTOMATIC: 'Automatic', USER_INITIATED: 'User', AWS_BACKUP: 'AWS Backup' };

export const backupTypeName = (type: string | null | undefined): string => (type ? (BACKUP_TYPES[type] ?? type) : '–');
