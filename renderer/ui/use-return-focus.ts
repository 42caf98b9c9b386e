import { useEffect, useRef } from 'react';

/**
 * Gives the keyboard focus back to the control that opened a dialog once it closes (Escape, Cancel or
 * done), instead of leaving it on the page body where a keyboard or screen-reader user loses their place.
 */
export function useReturnFocus(open: boolean): void {
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      return;
    }
    const element = opener.current;
    opener.current = null;
    if (!element) return;
    // After the dialog's own focus handling has let go of the closing surface.
    const timer = setTimeout(() => {
      // Unless the BRM has already moved on into another dialog (a confirmation opened from this one).
      const active = document.activeElement;
      if (element.isConnected && !active?.closest('[role="dialog"], [role="alertdialog"]')) element.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [open]);
}
