import type { BackupFieldsFragment } from '../generated/graphql';
import type { Followed } from './notice';

/** Lifecycles in which a backup is still being made (or copied): its progress bar moves. */
export const IN_PROGRESS = new Set(['CREATING', 'PENDING', 'TRANSFERRING', 'COPYING']);

export type ActionKind = 'delete' | 'copy' | 'restore';

/** A row's action in its dialog: which backup, and the button that opened it (focus goes back there). */
export interface Action {
  kind: ActionKind;
  backup: BackupFieldsFragment;
  opener: HTMLElement | null;
}

/** Says something on the notice line; with `follow`, the notice follows that backup until it is final. */
export type Notify = (text: string, follow?: Followed) => void;
