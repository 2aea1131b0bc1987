import { useSubscription } from '@apollo/client';
import { useEffect, useState } from 'react';
import { BackupChangedDocument } from '../generated/graphql';
import { ProgressBar } from './ui';

/** A backup a notice follows to the end: made (or copied) just now, in `region` of `account` (null: the default). */
export interface Followed {
  backupId: string;
  region: string;
  account: string | null;
  /** How the notice names it: "Backup backup-…", "Copy backup-… in us-west-2". */
  name: string;
}

export interface NoticeState {
  text: string;
  follow?: Followed;
}

const SHOWN_MS = 8000;

/** What the notice says of a followed backup in each lifecycle (and of one it cannot follow). */
function followedText(name: string, lifecycle: string | null | undefined, failure?: string | null): string {
  switch (lifecycle) {
    case 'AVAILABLE':
      return `${name} is available.`;
    case 'FAILED':
      return `${name} failed${failure ? `: ${failure}` : '.'}`;
    case 'DELETED':
      return `${name} was deleted.`;
    case 'TRANSFERRING':
      return `${name} is being transferred to durable storage.`;
    default:
      return `${name} started.`;
  }
}

/**
 * The console's one notice line (role=status: read out politely). A notice about a backup that has
 * just started follows it (backupChanged, by id) until it is final, with its progress, and only then
 * goes away; any other notice goes after 8 s. The text changes with the lifecycle only, so a screen
 * reader hears "started", then "available", not every percent.
 */
export function Notice({ notice, onDone }: { notice: NoticeState | null; onDone: () => void }) {
  const [final, setFinal] = useState(false);
  useEffect(() => setFinal(false), [notice]);
  useEffect(() => {
    if (!notice || (notice.follow && !final)) return undefined;
    const timer = window.setTimeout(onDone, SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [notice, final, onDone]);
  return (
    <div role="status" aria-live="polite" className={notice ? 'notice' : 'notice notice-empty'}>
      {notice?.follow ? (
        <FollowedBackup key={notice.follow.backupId} followed={notice.follow} onFinal={() => setFinal(true)} />
      ) : (
        notice?.text
      )}
    </div>
  );
}

function FollowedBackup({ followed, onFinal }: { followed: Followed; onFinal: () => void }) {
  const [text, setText] = useState(followedText(followed.name, null));
  const [progress, setProgress] = useState<number | null>(null);
  const giveUp = (why: string) => {
    setText(`${followed.name} started; ${why}, so see its row for progress.`);
    onFinal();
  };
  useSubscription(BackupChangedDocument, {
    variables: { backupIds: [followed.backupId], region: followed.region, account: followed.account },
    onData: ({ data: event }) => {
      const changed = event.data?.backupChanged;
      if (!changed) return;
      if (changed.__typename !== 'BackupChanged') return giveUp(`it cannot be followed here (${changed.message})`);
      const { backup } = changed;
      setText(followedText(followed.name, backup.lifecycle, backup.failureDetails?.message));
      setProgress(backup.lifecycle === 'AVAILABLE' ? 100 : (backup.progressPercent ?? null));
      if (changed.final) onFinal();
    },
    onError: () => giveUp('the live connection is down'),
  });
  return (
    <div className="notice-follow">
      <span>{text}</span>
      {progress !== null ? <ProgressBar value={progress} label={`${followed.name}: progress`} /> : null}
    </div>
  );
}
