import { Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { CARRIED_ACTIONS_TITLE, assembleAgenda, type AssembledAgendaEntry } from '../../shared/domain/agenda';
import type { BusinessUnit } from '../../shared/domain/customers';
import { todayOf } from '../../shared/domain/meeting-dates';
import { actionOwnerChoices } from '../../shared/domain/meeting-plans';
import type { ActionItem, AgendaItem } from '../../shared/domain/meetings';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { MeetingOutcomes, UnplacedReviewPack } from '../app/feature-parts';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { AddAgendaItemDialog, RemoveAgendaItemDialog } from './agenda-item-dialogs';
import { AgendaItemPanel, type FocusRequest } from './agenda-item-panel';
import { AgendaNav } from './agenda-nav';
import { AttendanceTable } from './attendance-table';
import { CarriedActionsPanel } from './carried-actions-panel';
import { MeetingHistory } from './meeting-history';
import { meetingKindTitle } from './meeting-labels';
import {
  LifecycleButtons,
  LifecycleDialogs,
  type LifecycleDialog,
  type MeetingRouteState,
} from './meeting-lifecycle-controls';
import { MeetingTitleBar } from './meeting-title-bar';
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
type OpenDialog = 'help' | 'add-item' | LifecycleDialog | null;

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

/**
 * Moves the item at agenda position `from` to `to`; the carried actions stay first (`firstItem` is where the
 * items start), and the item shown stays shown.
 */
function useAgendaMove(args: {
  meetingId: string;
  agenda: readonly AssembledAgendaEntry[];
  firstItem: number;
  cursor: Pick<ReturnType<typeof useAgendaCursor>, 'current' | 'setCurrent'>;
  apply: (detail: MeetingDetail) => void;
}) {
  const { notifyError } = useNotify();
  const { meetingId, agenda, firstItem, cursor, apply } = args;
  return (from: number, to: number) => {
    const entry = agenda[from];
    if (entry?.kind !== 'item' || to < firstItem || to >= agenda.length) return;
    api
      .moveAgendaItem({ meetingId, itemId: entry.item.id, to: to - firstItem })
      .then((moved) => {
        apply(moved);
        if (from === cursor.current) cursor.setCurrent(to);
      })
      .catch(notifyError);
  };
}

/** The names offered as an action's owner in this meeting (see `actionOwnerChoices`). */
function useActionOwners(detail: MeetingDetail | null, unit: BusinessUnit | undefined): string[] {
  const contacts = useAppStore((s) => s.directory.contacts);
  return useMemo(
    () =>
      actionOwnerChoices({
        attendees: detail?.meeting.attendees ?? [],
        contacts: contacts.filter((c) => c.unitId === unit?.id),
        itContact: unit?.itContact ?? '',
        owners: detail?.actions.map((a) => a.owner) ?? [],
      }),
    [detail, contacts, unit],
  );
}

/** The actions raised in this meeting under `itemId` (null: under the carried actions). */
const raisedUnder = ({ meeting, actions }: MeetingDetail, itemId: string | null): ActionItem[] =>
  actions.filter((a) => a.raisedInMeetingId === meeting.id && a.agendaItemId === itemId);

/** Running a service review: attendance, then minutes, decisions and actions item by item. */
function MeetingPage({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const justPlanned = (useLocation().state as MeetingRouteState | null)?.justPlanned === true;
  const { units } = useAppStore((s) => s.directory);
  const { detail, loadError, apply, reload, putAction } = useMeeting(meetingId);
  const autosave = useMinutesAutosave(meetingId, detail, reload);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [removingItem, setRemovingItem] = useState<AgendaItem | null>(null);
  const agenda = useMemo(() => (detail ? assembleAgenda(detail.meeting, detail.actions) : []), [detail]);
  const cursor = useAgendaCursor(agenda, autosave.flush);
  const { current, goTo, focusOn } = cursor;
  const unit = units.find((u) => u.id === detail?.meeting.unitId);
  const owners = useActionOwners(detail, unit);

  // Just planned: start on the first item with a minutes box rather than the carried actions.
  const firstItem = agenda.findIndex((e) => e.kind === 'item');
  const { setCurrent } = cursor;
  useEffect(() => {
    if (justPlanned && autosave.ready && firstItem > 0) setCurrent(firstItem);
  }, [justPlanned, autosave.ready, firstItem, setCurrent]);

  const move = useAgendaMove({ meetingId, agenda, firstItem, cursor, apply });

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
              : e.item.decisions.length + raisedUnder(detail, e.item.id).length
          }
          onGoTo={goTo}
          onMove={move}
          onAdd={() => setDialog('add-item')}
        />
        <div className={styles.panel}>
          <AgendaEntryPanel
            detail={detail}
            entry={agenda[Math.min(current, agenda.length - 1)]}
            number={current + 1}
            owners={owners}
            readOnly={readOnly}
            focus={cursor.focus}
            autosave={autosave}
            onDetail={apply}
            onAction={putAction}
            onFocusMinutes={() => focusOn('minutes')}
            onRemove={setRemovingItem}
          />
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
      <LifecycleDialogs
        meeting={meeting}
        dialog={dialog === 'help' || dialog === 'add-item' ? null : dialog}
        onClose={close}
        onDetail={apply}
        onReload={reload}
        flushThen={autosave.flushThen}
      />
    </Page>
  );
}

/** The agenda entry being run: the actions carried from earlier meetings, or one item of this meeting. */
function AgendaEntryPanel(props: {
  detail: MeetingDetail;
  entry: AssembledAgendaEntry | undefined;
  number: number;
  owners: readonly string[];
  readOnly: boolean;
  focus: FocusRequest;
  /** The minutes as typed, kept safe by the page's autosave. */
  autosave: Pick<ReturnType<typeof useMinutesAutosave>, 'minutes' | 'change' | 'flush'>;
  onDetail: (detail: MeetingDetail) => void;
  onAction: (action: ActionItem) => void;
  onFocusMinutes: () => void;
  onRemove: (item: AgendaItem) => void;
}) {
  const { detail, entry, autosave } = props;
  if (entry?.kind === 'carried-actions') {
    return (
      <CarriedActionsPanel
        meeting={detail.meeting}
        title={CARRIED_ACTIONS_TITLE}
        carried={entry.actions}
        raisedHere={raisedUnder(detail, null)}
        owners={props.owners}
        readOnly={props.readOnly}
        today={todayOf()}
        focus={props.focus}
        onDetail={props.onDetail}
      />
    );
  }
  if (!entry) return null;
  return (
    <AgendaItemPanel
      key={entry.item.id}
      meeting={detail.meeting}
      item={entry.item}
      number={props.number}
      actions={raisedUnder(detail, entry.item.id)}
      owners={props.owners}
      readOnly={props.readOnly}
      minutes={autosave.minutes[entry.item.id] ?? entry.item.minutes}
      focus={props.focus}
      onMinutesChange={(text) => autosave.change(entry.item.id, text)}
      onMinutesBlur={() => void autosave.flush()}
      onDetail={props.onDetail}
      onAction={props.onAction}
      onFocusMinutes={props.onFocusMinutes}
      onRemove={() => props.onRemove(entry.item)}
    />
  );
}
