import { Button, Checkbox, Text } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { recipientsOf } from '../../shared/domain/distribution';
import { formatDayLong } from '../../shared/domain/meeting-dates';
import type { Meeting } from '../../shared/domain/meetings';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { FormDialog } from '../ui/form-dialog';
import { offerDownload } from '../ui/offer-download';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';

/**
 * "Delete meeting…" for a planned meeting: the invitees' calendars still hold it, so the dialog itself
 * writes the cancellation (METHOD:CANCEL, the invitation's UID) before the meeting is gone. A meeting
 * of a series is skipped: its date leaves the series' invitation too.
 */
export function DeleteMeetingButton({ meeting }: { meeting: Meeting }) {
  const contacts = useAppStore((s) => s.directory.contacts);
  const navigate = useNavigate();
  const { notify } = useNotify();
  const [open, setOpen] = useState(false);
  const [cancel, setCancel] = useState(true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (meeting.status !== 'planned') return null;
  const invited = recipientsOf(meeting, contacts).to.length;

  const remove = async () => {
    setSaving(true);
    setError(null);
    try {
      // The cancellation first: it needs the meeting, and a refused file must not leave calendars stale.
      const cancelled =
        cancel && invited ? await api.exportMeetingInvitation({ meetingId: meeting.id, cancel: true }) : null;
      if (cancelled?.path) offerDownload(cancelled);
      await api.deleteMeeting({ id: meeting.id });
      notify(
        cancelled?.path
          ? `Meeting deleted. Cancellation for ${cancelled.to.length} people ${cancelled.downloadUrl ? 'downloaded' : 'opened in your calendar'}.`
          : 'Meeting deleted.',
      );
      setOpen(false);
      navigate(meeting.nextMeetingId ? `/meetings/${meeting.nextMeetingId}` : '/meetings');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button icon={<Delete20Regular />} onClick={() => setOpen(true)}>
        Delete meeting…
      </Button>
      <FormDialog
        open={open}
        title={meeting.series ? 'Skip this meeting of the series' : 'Delete this planned meeting'}
        submitLabel="Delete meeting"
        saving={saving}
        formError={error}
        onSubmit={() => void remove()}
        onClose={() => setOpen(false)}
      >
        <Text>
          The meeting on {formatDayLong(meeting.date)} is deleted with its agenda.
          {meeting.series
            ? ' The series skips this date: the next series invitation leaves it out of every calendar.'
            : ''}
        </Text>
        {invited ? (
          <Checkbox
            checked={cancel}
            onChange={(_, d) => setCancel(d.checked === true)}
            label={`Write a cancellation for the ${invited} invitees' calendars (.ics)`}
          />
        ) : (
          <Text>No invitee has an e-mail address, so no calendar holds this meeting.</Text>
        )}
      </FormDialog>
    </>
  );
}
