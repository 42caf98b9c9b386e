import type { ComponentType } from 'react';
import type { ActionItem, Meeting } from '../../shared/domain/meetings';
import { ExportMenu, InvitationMenu, SendMinutesButton } from '../app/feature-parts';
import { DeleteMeetingButton } from './delete-meeting-dialog';

/**
 * Extra commands in a meeting page's header, beside the lifecycle buttons. Each feature adds its own
 * entry; the Word export's menu of minutes and agenda pre-read is the first.
 */
export const MEETING_HEADER_ACTIONS: ReadonlyArray<{
  key: string;
  Component: ComponentType<{ meeting: Meeting; actions: readonly ActionItem[] }>;
}> = [
  { key: 'export', Component: ({ meeting }) => <ExportMenu meetingId={meeting.id} /> },
  { key: 'send', Component: SendMinutesButton },
  { key: 'invitation', Component: InvitationMenu },
  { key: 'delete', Component: DeleteMeetingButton },
];
