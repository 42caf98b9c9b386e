import { Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { CalendarCancel20Regular, CalendarLtr20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Meeting } from '../../shared/domain/meetings';
import { useMenuCommand } from '../app/menu-commands';
import { api } from '../platform/workbook-api';
import { offerDownload } from '../ui/offer-download';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';

/**
 * "Calendar invitation": an .ics the BRM's calendar sends to every invitee with an address. The same
 * meeting always has the same UID, so a new invitation after a change of date or place replaces the old
 * entry; a cancellation removes it.
 */
export function InvitationMenu({ meeting }: { meeting: Meeting }) {
  const { notify } = useNotify();
  const [busy, setBusy] = useState(false);

  const run = async (cancel: boolean) => {
    setBusy(true);
    try {
      const saved = await api.exportMeetingInvitation({ meetingId: meeting.id, cancel });
      if (!saved.savedTo) return;
      offerDownload(saved);
      const what = cancel ? 'Cancellation' : 'Invitation';
      const missing = saved.missing.length ? ` Not invited (no address): ${saved.missing.join('; ')}.` : '';
      notify(
        `${what} for ${saved.to.length} people ${saved.downloadUrl ? 'downloaded' : 'opened in your calendar'}.${missing}`,
        missing ? 'warning' : 'success',
      );
    } catch (error) {
      notify(messageOf(error), 'error');
    } finally {
      setBusy(false);
    }
  };

  useMenuCommand('meeting-invitation', () => {
    if (!busy) void run(false);
  });

  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton icon={<CalendarLtr20Regular />} disabled={busy}>
          Calendar invitation
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<CalendarLtr20Regular />} onClick={() => void run(false)}>
            Invitation (.ics)
          </MenuItem>
          {meeting.status === 'planned' ? (
            <MenuItem icon={<CalendarCancel20Regular />} onClick={() => void run(true)}>
              Cancel the meeting in calendars (.ics)
            </MenuItem>
          ) : null}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
