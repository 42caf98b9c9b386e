import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/contract/events';

export interface MenuActions {
  /** Opens the data folder (store files and backups) in the system's file manager. */
  showDataFolder: () => void;
  /** Hands a command to the page, which carries it out for what is open (the meeting's exports). */
  sendCommand: (command: MenuCommand) => void;
}

export interface MenuOptions {
  isMac: boolean;
  /** Developer tools and reload only while developing: a reload would skip the flush before close. */
  isDevelopment: boolean;
}

/**
 * The native menu with the usual shortcuts. Items use Electron's roles, which bring the platform's
 * own accelerators and labels; the editing ones matter most, since minutes are typed live. Built as
 * a template (no 'electron' import) so it is unit-tested; main.ts turns it into a Menu.
 */
export function menuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const { isMac, isDevelopment } = options;
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  return [
    ...(isMac
      ? [
          {
            label: 'BRM Workbook',
            submenu: [
              { role: 'about' },
              separator,
              { role: 'services' },
              separator,
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              separator,
              { role: 'quit' },
            ] satisfies MenuItemConstructorOptions[],
          },
        ]
      : []),
    {
      label: '&File',
      submenu: [
        ...(Object.keys(MENU_COMMANDS) as MenuCommand[]).map((command): MenuItemConstructorOptions => ({
          label: MENU_COMMANDS[command].label,
          accelerator: MENU_COMMANDS[command].accelerator,
          click: () => actions.sendCommand(command),
        })),
        separator,
        { label: 'Show Data Folder', click: () => actions.showDataFolder() },
        separator,
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        separator,
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...(isDevelopment
          ? ([
              { role: 'reload' },
              { role: 'toggleDevTools' },
              separator,
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Window',
      role: 'window',
      submenu: [
        { role: 'minimize' },
        { role: 'zoom' },
        separator,
        // On macOS Close Window lives in File (⌘W); elsewhere File holds Quit and Close lives here.
        isMac ? { role: 'front' } : { role: 'close' },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [{ role: 'about', label: 'About BRM Workbook' }],
    },
  ];
}
