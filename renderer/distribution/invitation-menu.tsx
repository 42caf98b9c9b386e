import {
  Caption1,
  Menu,
  MenuButton,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import {
  CalendarCancel20Regular,
  CalendarLtr20Regular,
  CalendarMultiple20Regular,
} from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { describeSeriesRule, type MeetingSeries } from '../../shared/domain/meeting-series';
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

  const series = useMeetingSeries(meeting);

  const run = async (cancel: boolean, wholeSeries = false) => {
    setBusy(true);
    try {
      const saved = await api.exportMeetingInvitation({ meetingId: meeting.id, cancel, series: wholeSeries });
      if (!saved.path) return;
      offerDownload(saved);
      const what = `${wholeSeries ? 'Series ' : ''}${cancel ? 'cancellation' : 'invitation'}`.replace(
        /^./,
        (c) => c.toUpperCase(),
      );
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
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton icon={<CalendarLtr20Regular />} disabled={busy}>
            Calendar invitation
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {series ? (
              <>
                <MenuItem icon={<CalendarMultiple20Regular />} onClick={() => void run(false, true)}>
                  Series invitation, every meeting (.ics)
                </MenuItem>
                <MenuItem icon={<CalendarLtr20Regular />} onClick={() => void run(false)}>
                  This meeting only (.ics)
                </MenuItem>
              </>
            ) : (
              <MenuItem icon={<CalendarLtr20Regular />} onClick={() => void run(false)}>
                Invitation (.ics)
              </MenuItem>
            )}
            {meeting.status === 'planned' ? (
              <>
                <MenuDivider />
                <MenuItem icon={<CalendarCancel20Regular />} onClick={() => void run(true)}>
                  {series
                    ? 'Cancel this meeting in calendars (.ics)'
                    : 'Cancel the meeting in calendars (.ics)'}
                </MenuItem>
                {series ? (
                  <MenuItem icon={<CalendarCancel20Regular />} onClick={() => void run(true, true)}>
                    Cancel the whole series in calendars (.ics)
                  </MenuItem>
                ) : null}
              </>
            ) : null}
          </MenuList>
        </MenuPopover>
      </Menu>
      {series ? (
        <Caption1 aria-label="Series">
          {describeSeriesRule(series)}, {series.count} meetings
          {series.skipped.length ? ` (${series.skipped.length} skipped)` : ''}
        </Caption1>
      ) : null}
    </>
  );
}

/** The series the meeting belongs to, read again whenever the meeting changes (a skip raises its SEQUENCE). */
function useMeetingSeries(meeting: Meeting): MeetingSeries | null {
  const [series, setSeries] = useState<MeetingSeries | null>(null);
  const seriesId = meeting.series?.id;
  useEffect(() => {
    let live = true;
    if (!seriesId) {
      setSeries(null);
      return;
    }
    void api
      .getMeetingSeries({ unitId: meeting.unitId, id: seriesId })
      .then((found) => live && setSeries(found))
      .catch(() => live && setSeries(null));
    return () => {
      live = false;
    };
  }, [meeting.unitId, seriesId, meeting.updatedAt]);
  return series;
}
