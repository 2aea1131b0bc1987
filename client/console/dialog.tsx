import { type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';

/** Focus `element` if it is still on the page and can take focus; false when it cannot. */
function focusIfPossible(element: HTMLElement | null | undefined): boolean {
  if (!element?.isConnected || (element as HTMLButtonElement).disabled) return false;
  element.focus();
  return document.activeElement === element;
}

/**
 * A modal dialog (the browser's own <dialog>: focus kept inside, Escape closes). It opens with focus
 * on `initialFocus` (the safe choice, e.g. Cancel; else the browser's pick, the first control), and
 * closes with focus back on `opener`, the control that opened it, or on `fallbackFocus` when that
 * control is gone, or about to go (`returnToOpener` false: the row of a backup just deleted, which
 * the cache drops a moment after the dialog closes).
 */
export function Dialog({
  title,
  open,
  onClose,
  opener,
  initialFocus,
  fallbackFocus,
  returnToOpener = true,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  opener?: HTMLElement | null;
  initialFocus?: RefObject<HTMLElement>;
  fallbackFocus?: RefObject<HTMLElement>;
  returnToOpener?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Kept from when it opened: by the time it closes, the caller may have forgotten which control that was.
  const returnTo = useRef<HTMLElement | null | undefined>(null);
  // The latest of these, read as the dialog closes.
  const fallback = useRef({ fallbackFocus, returnToOpener });
  fallback.current = { fallbackFocus, returnToOpener };
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = opener ?? (document.activeElement as HTMLElement | null);
      dialog.showModal();
      focusIfPossible(initialFocus?.current);
    }
    if (!open && returnTo.current !== null) {
      if (dialog.open) dialog.close();
      const { fallbackFocus: elsewhere, returnToOpener: back } = fallback.current;
      if (!(back && focusIfPossible(returnTo.current))) focusIfPossible(elsewhere?.current);
      returnTo.current = null;
    }
    // Only a change of `open` matters: the opener is read as the dialog opens.
  }, [open, initialFocus]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <h2 id={titleId}>{title}</h2>
      {open ? children : null}
    </dialog>
  );
}
