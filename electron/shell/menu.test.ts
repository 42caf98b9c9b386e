import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu';

const roles = (item: MenuItemConstructorOptions | undefined) =>
  ((item?.submenu ?? []) as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean);

function menu(isMac: boolean, isDevelopment = false) {
  let shown = 0;
  const commands: string[] = [];
  const template = menuTemplate(
    { isMac, isDevelopment },
    { showDataFolder: () => shown++, sendCommand: (command) => commands.push(command) },
  );
  const byLabel = (label: string) => template.find((m) => m.label?.replace('&', '') === label);
  return { template, byLabel, shown: () => shown, commands };
}

describe('native menu', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    expect(menu(false).template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
  });

  it('has the application menu first on macOS', () => {
    const { template } = menu(true);
    expect(template.map((m) => m.label)).toEqual([
      'BRM Workbook',
      '&File',
      '&Edit',
      '&View',
      '&Window',
      '&Help',
    ]);
    expect(roles(template[0])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('offers every editing shortcut (minutes are typed live)', () => {
    expect(roles(menu(false).byLabel('Edit'))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'selectAll',
    ]);
  });

  it('quits from File elsewhere, closes the window from File on macOS', () => {
    expect(roles(menu(false).byLabel('File'))).toEqual(['quit']);
    expect(roles(menu(true).byLabel('File'))).toEqual(['close']);
    expect(roles(menu(false).byLabel('Window'))).toEqual(['minimize', 'zoom', 'close']);
  });

  it('exports the open meeting and shows the data folder from File', () => {
    const m = menu(false);
    const items = m.byLabel('File')?.submenu as MenuItemConstructorOptions[];
    expect(items.filter((i) => i.label).map((i) => [i.label, i.accelerator])).toEqual([
      ['Export Minutes to Word', 'CmdOrCtrl+E'],
      ['Export Agenda Pre-read to Word', 'CmdOrCtrl+Shift+E'],
      ['Send Minutes…', 'CmdOrCtrl+Shift+M'],
      ['Calendar Invitation', 'CmdOrCtrl+Shift+L'],
      ['Show Data Folder', undefined],
    ]);
    for (const item of items) (item.click as (() => void) | undefined)?.();
    expect(m.commands).toEqual(['export-minutes', 'export-agenda', 'send-minutes', 'meeting-invitation']);
    expect(m.shown()).toBe(1);
  });

  it('zooms and goes full screen from View; reload and developer tools only while developing', () => {
    expect(roles(menu(false).byLabel('View'))).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
    expect(roles(menu(false, true).byLabel('View'))).toEqual([
      'reload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('has About in Help', () => {
    const help = menu(false).byLabel('Help')?.submenu as MenuItemConstructorOptions[];
    expect(help).toEqual([{ role: 'about', label: 'About BRM Workbook' }]);
  });
});
