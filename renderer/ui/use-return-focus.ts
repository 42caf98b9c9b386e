import { useEffect, useRef } from 'react';

const IN_DIALOG = '[role="dialog"], [role="alertdialog"]';

/**
 * The control that last had the focus outside any dialog. A dialog moves the focus into itself before its
 * parent's effects run, so the opener has to be remembered as the focus moves, not read when it opens.
 */
let lastOutside: HTMLElement | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener(
    'focusin',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLElement && !target.closest(IN_DIALOG)) lastOutside = target;
    },
    true,
  );
}

/**
 * Gives the keyboard focus back to the control that opened a dialog once it closes (Escape, Cancel or
 * done), instead of leaving it on the page body where a keyboard or screen-reader user loses their place.
 */
export function useReturnFocus(open: boolean): void {
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (open) {
      opener.current = lastOutside;
      return;
    }
    const element = opener.current;
    opener.current = null;
    if (!element) return;
    // After the dialog's own focus handling has let go of the closing surface (which may still be fading out).
    const timer = setTimeout(() => {
      if (element.isConnected) element.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [open]);
}
