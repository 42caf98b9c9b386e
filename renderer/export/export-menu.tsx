import {
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Toast,
  ToastBody,
  ToastTitle,
  useToastController,
} from '@fluentui/react-components';
import {
  ArrowExportLtr20Regular,
  DocumentText20Regular,
  TextBulletListLtr20Regular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import { useMenuCommand } from '../app/menu-commands';
import { api } from '../platform/workbook-api';
import { TOASTER_ID } from '../ui/toast';
import { messageOf } from '../ui/use-form';
import {
  EXPORT_LABELS,
  failedNotice,
  fileNameOf,
  savedNotice,
  type ExportKind,
  type Notice,
} from './export-messages';

/** The preview host offers the file as a download; Electron has already written it where the user chose. */
function download(url: string, savedTo: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(savedTo);
  document.body.append(link);
  link.click();
  link.remove();
}

/** "Export" menu for a meeting: the minutes and the agenda pre-read as Word documents. */
export function ExportMenu({ meetingId }: { meetingId: string }) {
  const { dispatchToast } = useToastController(TOASTER_ID);
  const [busy, setBusy] = useState<ExportKind | null>(null);

  // Longer than the app's short "Saved" toasts: a path takes a moment to read.
  const show = (notice: Notice, intent: 'success' | 'error') =>
    dispatchToast(
      <Toast>
        <ToastTitle>{notice.title}</ToastTitle>
        <ToastBody>{notice.detail}</ToastBody>
      </Toast>,
      { intent, timeout: intent === 'error' ? 12_000 : 8_000 },
    );

  const run = async (kind: ExportKind) => {
    setBusy(kind);
    try {
      const saved =
        kind === 'minutes' ? await api.exportMinutes({ meetingId }) : await api.exportAgenda({ meetingId });
      if (saved.downloadUrl && saved.savedTo) download(saved.downloadUrl, saved.savedTo);
      const notice = savedNotice(kind, saved);
      if (notice) show(notice, 'success');
    } catch (error) {
      show(failedNotice(kind, messageOf(error)), 'error');
    } finally {
      setBusy(null);
    }
  };

  // File → Export in the native menu (Ctrl+E, Ctrl+Shift+E) does the same while this meeting is open.
  useMenuCommand('export-minutes', () => {
    if (!busy) void run('minutes');
  });
  useMenuCommand('export-agenda', () => {
    if (!busy) void run('agenda');
  });

  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          icon={busy ? <Spinner size="tiny" aria-label="Exporting" /> : <ArrowExportLtr20Regular />}
          disabled={busy !== null}
        >
          Export
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<DocumentText20Regular />} onClick={() => void run('minutes')}>
            {EXPORT_LABELS.minutes.menu}
          </MenuItem>
          <MenuItem icon={<TextBulletListLtr20Regular />} onClick={() => void run('agenda')}>
            {EXPORT_LABELS.agenda.menu}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
