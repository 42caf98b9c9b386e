import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { futureMeetingWarning, todayOf } from '../../shared/domain/meeting-dates';
import type { Meeting } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { useNotify } from '../ui/toast';
import { MEETING_HEADER_ACTIONS } from './meeting-header-actions';
import { FinaliseDialog, ReopenDialog } from './meeting-lifecycle-dialogs';
import { PlanMeetingDialog } from './plan-meeting-dialog';

/** The dialogs of the meeting's lifecycle, opened from its header. */
export type LifecycleDialog = 'plan' | 'plan-next' | 'finalise' | 'reopen';

/** Navigation state from the planner: the page opens on the first item's minutes, ready to type. */
export interface MeetingRouteState {
  justPlanned?: boolean;
}

/** The meeting's lifecycle, in the page header: edit the plan, mark held, finalise or reopen, plan next. */
export function LifecycleButtons(props: {
  detail: MeetingDetail;
  onDetail: (detail: MeetingDetail) => void;
  onOpen: (dialog: LifecycleDialog) => void;
  onOpenNext: (meetingId: string) => void;
}) {
  const { notify, notifyError } = useNotify();
  const { meeting, actions } = props.detail;
  const readOnly = meeting.status === 'finalised';
  const [markingEarly, setMarkingEarly] = useState(false);
  // A meeting dated after today is marked held only once the BRM confirms the date is right.
  const futureWarning = futureMeetingWarning(meeting.date, todayOf());
  const markHeld = () =>
    api
      .markMeetingHeld({ id: meeting.id, confirmFuture: futureWarning !== null })
      .then((d) => {
        props.onDetail(d);
        notify('Marked as held');
      })
      .catch(notifyError);
  return (
    <>
      {readOnly ? null : <Button onClick={() => props.onOpen('plan')}>Edit plan</Button>}
      {meeting.status === 'planned' ? (
        <Button onClick={() => (futureWarning ? setMarkingEarly(true) : void markHeld())}>
          Mark as held
        </Button>
      ) : null}
      <ConfirmDialog
        open={markingEarly}
        title="Mark a future meeting as held?"
        confirmLabel="Mark as held"
        onClose={() => setMarkingEarly(false)}
        onConfirm={() => markHeld()}
      >
        {futureWarning}
      </ConfirmDialog>
      {readOnly ? (
        <Button onClick={() => props.onOpen('reopen')}>Reopen minutes…</Button>
      ) : (
        <Button appearance="primary" onClick={() => props.onOpen('finalise')}>
          Finalise minutes
        </Button>
      )}
      {meeting.kind !== 'periodic' ? null : meeting.nextMeetingId ? (
        <Button onClick={() => props.onOpenNext(meeting.nextMeetingId!)}>Open next meeting</Button>
      ) : (
        <Button onClick={() => props.onOpen('plan-next')}>Plan next meeting…</Button>
      )}
      {MEETING_HEADER_ACTIONS.map(({ key, Component }) => (
        <Component key={key} meeting={meeting} actions={actions} />
      ))}
    </>
  );
}

/** The dialogs `LifecycleButtons` open: edit the plan, plan the next meeting, finalise, reopen. */
export function LifecycleDialogs(props: {
  meeting: Meeting;
  dialog: LifecycleDialog | null;
  onClose: () => void;
  onDetail: (detail: MeetingDetail) => void;
  onReload: () => Promise<unknown>;
  /** Runs the step once the minutes of `itemIds` are stored (see useMinutesAutosave). */
  flushThen: (itemIds: readonly string[], step: () => Promise<MeetingDetail>) => Promise<MeetingDetail>;
}) {
  const { meeting, dialog, onClose } = props;
  return (
    <>
      <MeetingPlanDialogs meeting={meeting} dialog={dialog} onClose={onClose} onReload={props.onReload} />
      <FinaliseDialog
        open={dialog === 'finalise'}
        meetingId={meeting.id}
        futureWarning={futureMeetingWarning(meeting.date, todayOf())}
        onClose={onClose}
        onFinalise={async () => {
          const ids = meeting.agenda.map((i) => i.id);
          // A meeting dated after today is finalised only once the BRM confirmed it in this dialog.
          const confirmFuture = futureMeetingWarning(meeting.date, todayOf()) !== null;
          props.onDetail(
            await props.flushThen(ids, () => api.finaliseMeeting({ id: meeting.id, confirmFuture })),
          );
        }}
      />
      <ReopenDialog
        open={dialog === 'reopen'}
        meetingId={meeting.id}
        onClose={onClose}
        onDetail={props.onDetail}
      />
    </>
  );
}

/** Editing this meeting's plan, and planning the next meeting of its series from it. */
function MeetingPlanDialogs(props: {
  meeting: Meeting;
  dialog: LifecycleDialog | null;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const navigate = useNavigate();
  const { notify } = useNotify();
  return (
    <>
      <PlanMeetingDialog
        open={props.dialog === 'plan'}
        meeting={props.meeting}
        onClose={props.onClose}
        onSaved={() => {
          void props.onReload();
          notify('Plan saved');
        }}
      />
      <PlanMeetingDialog
        open={props.dialog === 'plan-next'}
        after={props.meeting}
        onClose={props.onClose}
        onSaved={(id) => {
          notify('Next meeting planned');
          navigate(`/meetings/${id}`, { state: { justPlanned: true } satisfies MeetingRouteState });
        }}
      />
    </>
  );
}
