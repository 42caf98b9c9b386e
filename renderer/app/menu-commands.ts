import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../shared/contract/events';
import { workbookEvents } from '../platform/workbook-events';
import { useNotify } from '../ui/toast';

/** The views that can carry out a menu command now, most recently mounted last. */
const handlers: Array<{ command: MenuCommand; run: () => void }> = [];

/** What the BRM is told when no open view can carry out the command. */
const NOT_HERE: Record<MenuCommand, string> = {
  'export-minutes': 'Open a meeting to export its minutes.',
  'export-agenda': 'Open a meeting to export its agenda pre-read.',
  'send-minutes': 'Open a meeting to send its minutes.',
  'meeting-invitation': 'Open a meeting to write its calendar invitation.',
};

/** A view offers to carry out a menu command while it is on screen (the meeting page: its exports). */
export function useMenuCommand(command: MenuCommand, run: () => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const entry = { command, run: () => latest.current() };
    handlers.push(entry);
    return () => void handlers.splice(handlers.indexOf(entry), 1);
  }, [command]);
}

/** Once, at the top of the app: routes each menu command to the view that offered it, or says why not. */
export function useMenuCommandRouter(): void {
  const { notify } = useNotify();
  useEffect(
    () =>
      workbookEvents.onMenuCommand((command) => {
        const handler = handlers.findLast((h) => h.command === command);
        if (handler) handler.run();
        else notify(NOT_HERE[command], 'info');
      }),
    [notify],
  );
}
