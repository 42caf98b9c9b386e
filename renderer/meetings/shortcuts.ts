/**
 * The meeting view's keyboard shortcuts. Alt combinations are matched on the physical key (`code`), because
 * on a Mac Option+letter types a character instead of the letter.
 */
export type ShortcutCommand =
  | 'next-item'
  | 'previous-item'
  | 'move-item-up'
  | 'move-item-down'
  | 'add-decision'
  | 'add-action'
  | 'focus-minutes'
  | 'help'
  | { item: number };

export interface ShortcutHelp {
  keys: string;
  does: string;
}

export const SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { keys: 'Alt+↓ or Alt+N', does: 'Next agenda item' },
  { keys: 'Alt+↑ or Alt+P', does: 'Previous agenda item' },
  { keys: 'Alt+1 … Alt+9', does: 'Go to agenda item 1 to 9' },
  { keys: 'Alt+Shift+↑ / Alt+Shift+↓', does: 'Move the current agenda item up or down' },
  { keys: 'Alt+M', does: 'Back to the minutes of the current item' },
  { keys: 'Alt+D', does: 'Add a decision to the current item' },
  { keys: 'Alt+A', does: 'Add an action to the current item' },
  { keys: 'Enter', does: 'Save the decision or action being added' },
  { keys: 'Escape', does: 'Cancel it and return to the minutes' },
  { keys: 'Ctrl+B, Ctrl+I', does: 'Bold, italic (minutes, decisions, comments)' },
  { keys: '"- " or "1. " at a line start', does: 'Start a bulleted or numbered list; Tab nests an item' },
  { keys: 'Ctrl+K in minutes', does: 'Link the selected words (https: or mailto:)' },
  { keys: 'Ctrl+E (⌘E on a Mac)', does: 'Export the minutes to Word' },
  { keys: 'Ctrl+Shift+E', does: 'Export the agenda pre-read to Word' },
  { keys: 'F1, or ? outside a text field', does: 'Show or hide this list' },
];

const isTextTarget = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
};

type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'target'>;

export function shortcutOf(event: KeyLike): ShortcutCommand | null {
  if (event.key === 'F1') return 'help';
  if (event.key === '?' && !event.ctrlKey && !event.altKey && !event.metaKey && !isTextTarget(event.target)) {
    return 'help';
  }
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.shiftKey && event.code === 'ArrowUp') return 'move-item-up';
  if (event.shiftKey && event.code === 'ArrowDown') return 'move-item-down';
  switch (event.code) {
    case 'ArrowDown':
    case 'KeyN':
      return 'next-item';
    case 'ArrowUp':
    case 'KeyP':
      return 'previous-item';
    case 'KeyD':
      return 'add-decision';
    case 'KeyA':
      return 'add-action';
    case 'KeyM':
      return 'focus-minutes';
  }
  const digit = /^Digit([1-9])$/.exec(event.code);
  return digit ? { item: Number(digit[1]) - 1 } : null;
}
