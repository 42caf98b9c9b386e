import { useEffect, useRef } from 'react';
import type { FocusRequest } from './agenda-item-panel';
import { shortcutOf } from './shortcuts';

export interface MeetingShortcutHandlers {
  current: number;
  goTo: (index: number) => void;
  /** Moves the current item by one place (−1 up, +1 down). */
  moveCurrent: (by: -1 | 1) => void;
  focus: (target: FocusRequest['target']) => void;
  toggleHelp: () => void;
}

/** The meeting view's keyboard shortcuts (see `shortcuts.ts`), listened for on the whole window. */
export function useMeetingShortcuts(handlers: MeetingShortcutHandlers): void {
  // The latest handlers, so the listener is added once and never calls a stale closure.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = shortcutOf(event);
      if (!command) return;
      event.preventDefault();
      const h = latest.current;
      if (typeof command === 'object') h.goTo(command.item);
      else if (command === 'help') h.toggleHelp();
      else if (command === 'next-item') h.goTo(h.current + 1);
      else if (command === 'previous-item') h.goTo(h.current - 1);
      else if (command === 'move-item-up') h.moveCurrent(-1);
      else if (command === 'move-item-down') h.moveCurrent(1);
      else if (command === 'focus-minutes') h.focus('minutes');
      else h.focus(command === 'add-decision' ? 'decision' : 'action');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
