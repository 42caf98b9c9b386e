import { Button, Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { CARRIED_ACTIONS_TITLE, assembleAgenda, type AssembledAgendaEntry } from '../../shared/domain/agenda';
import { futureMeetingWarning, todayOf } from '../../shared/domain/meeting-dates';
import { actionOwnerChoices } from '../../shared/domain/meeting-plans';
import type { ActionItem, AgendaItem, Meeting } from '../../shared/domain/meetings';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { MeetingOutcomes, UnplacedReviewPack } from '../app/feature-parts';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { AddAgendaItemDialog, RemoveAgendaItemDialog } from './agenda-item-dialogs';
import { AgendaItemPanel, type FocusRequest } from './agenda-item-panel';
import { AgendaNav } from './agenda-nav';
import { AttendanceTable } from './attendance-table';
import { CarriedActionsPanel } from './carried-actions-panel';
import { MEETING_HEADER_ACTIONS } from './meeting-header-actions';
import { MeetingHistory } from './meeting-history';
import { meetingKindTitle } from './meeting-labels';
import { FinaliseDialog, ReopenDialog } from './meeting-lifecycle-dialogs';
import { MeetingTitleBar } from './meeting-title-bar';
import { PlanMeetingDialog } from './plan-meeting-dialog';
import { ShortcutsHelp } from './shortcuts-help';
import { useMeeting } from './use-meeting';
import { useMeetingShortcuts } from './use-meeting-shortcuts';
import { useMinutesAutosave } from './use-minutes-autosave';

const useStyles = makeStyles({
  run: {
    display: 'grid',
    gridTemplateColumns: '260px minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  panel: {
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
});

/** Which of the page's dialogs is open. */
type OpenDialog = 'help' | 'plan' | 'plan-next' | 'finalise' | 'reopen' | 'add-item' | null;

/** Navigation state from the planner: the page opens on the first item's minutes, ready to type. */
export interface MeetingRouteState {
  justPlanned?: boolean;
}

/** Routed at /meetings/:meetingId. */
export function MeetingRoute() {
  const { meetingId } = useParams();
  return meetingId ? <MeetingPage key={meetingId} meetingId={meetingId} /> : null;
}

/** The unsaved-work-safe core of the page: which item is shown, and where the keyboard focus goes. */
function useAgendaCursor(agenda: readonly AssembledAgendaEntry[], flush: () => Promise<void>) {
  const [current, setCurrent] = useState(0);
  const [focus, setFocus] = useState<FocusRequest>({ target: 'minutes', seq: 0 });
  const focusOn = useCallback(
    (target: FocusRequest['target']) => setFocus((f) => ({ target, seq: f.seq + 1 })),
    [],
  );
  const goTo = useCallback(
    (index: number) => {
      if (index < 0 || index >= agenda.length) return;
      void flush();
      setCurrent(index);
      focusOn('minutes');
    },
    [agenda.length, flush, focusOn],
  );
  return { current, setCurrent, focus, focusOn, goTo };
}

/** Running a service review: attendance, then minutes, decisions and actions item by item. */
function MeetingPage({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const justPlanned = (useLocation().state as MeetingRouteState | null)?.justPlanned === true;
  const { notifyError } = useNotify();
  const { units, contacts } = useAppStore((s) => s.directory);
  const { detail, loadError, apply, reload, putAction } = useMeeting(meetingId);
  const autosave = useMinutesAutosave(meetingId, detail, reload);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [removingItem, setRemovingItem] = useState<AgendaItem | null>(null);
  const agenda = useMemo(() => (detail ? assembleAgenda(detail.meeting, detail.actions) : []), [detail]);
  const cursor = useAgendaCursor(agenda, autosave.flush);
  const { current, goTo, focusOn } = cursor;
  const unit = units.find((u) => u.id === detail?.meeting.unitId);
  const owners = useMemo(
    () =>
      actionOwnerChoices({
        attendees: detail?.meeting.attendees ?? [],
        contacts: contacts.filter((c) => c.unitId === unit?.id),
        itContact: unit?.itContact ?? '',
        owners: detail?.actions.map((a) => a.owner) ?? [],
      }),
    [detail, contacts, unit],
  );

  // Just planned: start on the first item with a minutes box rather than the carried actions.
  const firstItem = agenda.findIndex((e) => e.kind === 'item');
  const { setCurrent } = cursor;
  useEffect(() => {
    if (justPlanned && autosave.ready && firstItem > 0) setCurrent(firstItem);
  }, [justPlanned, autosave.ready, firstItem, setCurrent]);

  /** Moves the item at agenda position `from` to `to`; the carried actions stay first. */
  const move = (from: number, to: number) => {
    const entry = agenda[from];
    if (!detail || entry?.kind !== 'item' || to < firstItem || to >= agenda.length) return;
    api
      .moveAgendaItem({ meetingId, itemId: entry.item.id, to: to - firstItem })
      .then((moved) => {
        apply(moved);
        if (from === current) setCurrent(to);
      })
      .catch(notifyError);
  };

  useMeetingShortcuts({
    current,
    goTo,
    moveCurrent: (by) => move(current, current + by),
    focus: focusOn,
    toggleHelp: () => setDialog((d) => (d === 'help' ? null : 'help')),
  });

  if (loadError) {
    return (
      <Page>
        <PageHeader title="This meeting could not be opened" subtitle={loadError} />
        <Link onClick={() => navigate('/meetings')}>Back to meetings</Link>
      </Page>
    );
  }
  if (!detail || !autosave.ready) {
    return (
      <Page>
        <Spinner label="Opening the meeting…" />
      </Page>
    );
  }

  const { meeting } = detail;
  const readOnly = meeting.status === 'finalised';
  const entry = agenda[Math.min(current, agenda.length - 1)];
  const raisedUnder = (itemId: string | null): ActionItem[] =>
    detail.actions.filter((a) => a.raisedInMeetingId === meeting.id && a.agendaItemId === itemId);
  const close = () => setDialog(null);

  return (
    <Page label={`${meetingKindTitle(meeting.kind)}, ${unit?.name ?? ''}`}>
      <MeetingTitleBar
        meeting={meeting}
        unit={unit}
        saveState={autosave.saveState}
        recoveredTitles={meeting.agenda.filter((i) => autosave.recovered.includes(i.id)).map((i) => i.title)}
        onHelp={() => setDialog('help')}
        actions={
          <LifecycleButtons
            detail={detail}
            onDetail={apply}
            onOpen={setDialog}
            onOpenNext={(id) => navigate(`/meetings/${id}`)}
          />
        }
      />

      <Section title="Attendance">
        {meeting.attendees.length ? (
          <AttendanceTable meeting={meeting} readOnly={readOnly} onDetail={apply} />
        ) : (
          <EmptyText>
            Nobody invited yet: edit the plan to invite the unit&apos;s contacts and IT attendees.
          </EmptyText>
        )}
      </Section>

      <div className={styles.run}>
        <AgendaNav
          agenda={agenda}
          current={current}
          readOnly={readOnly}
          countOf={(e) =>
            e.kind === 'carried-actions'
              ? e.actions.length
              : e.item.decisions.length + raisedUnder(e.item.id).length
          }
          onGoTo={goTo}
          onMove={move}
          onAdd={() => setDialog('add-item')}
        />
        <div className={styles.panel}>
          {entry?.kind === 'carried-actions' ? (
            <CarriedActionsPanel
              meeting={meeting}
              title={CARRIED_ACTIONS_TITLE}
              carried={entry.actions}
              raisedHere={raisedUnder(null)}
              owners={owners}
              readOnly={readOnly}
              today={todayOf()}
              focus={cursor.focus}
              onDetail={apply}
            />
          ) : entry ? (
            <AgendaItemPanel
              key={entry.item.id}
              meeting={meeting}
              item={entry.item}
              number={current + 1}
              actions={raisedUnder(entry.item.id)}
              owners={owners}
              readOnly={readOnly}
              minutes={autosave.minutes[entry.item.id] ?? entry.item.minutes}
              focus={cursor.focus}
              onMinutesChange={(text) => autosave.change(entry.item.id, text)}
              onMinutesBlur={() => void autosave.flush()}
              onDetail={apply}
              onAction={putAction}
              onFocusMinutes={() => focusOn('minutes')}
              onRemove={() => setRemovingItem(entry.item)}
            />
          ) : null}
        </div>
      </div>

      <UnplacedReviewPack meeting={meeting} readOnly={readOnly} />
      <MeetingOutcomes meeting={meeting} />
      <MeetingHistory meeting={meeting} />

      <ShortcutsHelp open={dialog === 'help'} onClose={close} />
      <AddAgendaItemDialog
        open={dialog === 'add-item'}
        meetingId={meeting.id}
        onClose={close}
        onAdded={(added) => {
          apply(added);
          // New items go last: open it, ready for its minutes.
          setCurrent(assembleAgenda(added.meeting, added.actions).length - 1);
          focusOn('minutes');
        }}
      />
      <RemoveAgendaItemDialog
        item={removingItem}
        meetingId={meeting.id}
        onClose={() => setRemovingItem(null)}
        onRemoved={(removed) => {
          apply(removed);
          setCurrent((c) => Math.max(0, c - 1));
        }}
      />
      <MeetingPlanDialogs meeting={meeting} dialog={dialog} onClose={close} onReload={reload} />
      <FinaliseDialog
        open={dialog === 'finalise'}
        meetingId={meeting.id}
        futureWarning={futureMeetingWarning(meeting.date, todayOf())}
        onClose={close}
        onFinalise={async () => {
          const ids = meeting.agenda.map((i) => i.id);
          // A meeting dated after today is finalised only once the BRM confirmed it in this dialog.
          const confirmFuture = futureMeetingWarning(meeting.date, todayOf()) !== null;
          apply(await autosave.flushThen(ids, () => api.finaliseMeeting({ id: meeting.id, confirmFuture })));
        }}
      />
      <ReopenDialog open={dialog === 'reopen'} meetingId={meeting.id} onClose={close} onDetail={apply} />
    </Page>
  );
}

/** The meeting's lifecycle, in the page header: edit the plan, mark held, finalise or reopen, plan next. */
function LifecycleButtons(props: {
  detail: MeetingDetail;
  onDetail: (detail: MeetingDetail) => void;
  onOpen: (dialog: OpenDialog) => void;
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

/** Editing this meeting's plan, and planning the next meeting of its series from it. */
function MeetingPlanDialogs(props: {
  meeting: Meeting;
  dialog: OpenDialog;
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
