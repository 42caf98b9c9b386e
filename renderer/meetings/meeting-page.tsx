import {
  Badge,
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, Keyboard20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { CARRIED_ACTIONS_TITLE, assembleAgenda } from '../../shared/domain/agenda';
import { futureMeetingWarning, todayOf } from '../../shared/domain/meeting-dates';
import { LIMITS } from '../../shared/domain/common';
import type { ActionItem, AgendaItem } from '../../shared/domain/meetings';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { MeetingOutcomes, UnplacedReviewPack } from '../app/feature-parts';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FormDialog } from '../ui/form-dialog';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';
import { AddAgendaItemDialog, RemoveAgendaItemDialog } from './agenda-item-dialogs';
import { AgendaItemPanel, type FocusRequest } from './agenda-item-panel';
import { AttendanceTable } from './attendance-table';
import { CarriedActionsPanel } from './carried-actions-panel';
import { minutesJournal, recoverMeeting } from './draft-recovery';
import { MEETING_HEADER_ACTIONS } from './meeting-header-actions';
import {
  MEETING_STATUS_COLORS,
  MEETING_STATUS_LABELS,
  isOnlineLink,
  meetingKindTitle,
  meetingPeriod,
  meetingWhen,
} from './meeting-labels';
import { MinutesAutosave, type AutosaveState } from './minutes-autosave';
import { workbookEvents } from '../platform/workbook-events';
import { MeetingHistory } from './meeting-history';
import { PlanMeetingDialog } from './plan-meeting-dialog';
import { shortcutOf } from './shortcuts';
import { ShortcutsHelp } from './shortcuts-help';
import { useMeeting } from './use-meeting';

const useStyles = makeStyles({
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground2,
  },
  statusRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  saveState: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  saveFailed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  spacer: { flex: 1 },
  run: {
    display: 'grid',
    gridTemplateColumns: '260px minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  nav: {
    position: 'sticky',
    top: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  navTitle: {
    margin: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
  },
  navList: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  navItem: {
    display: 'grid',
    gridTemplateColumns: '22px 1fr auto',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'baseline',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    color: tokens.colorNeutralForeground2,
    font: 'inherit',
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  navCurrent: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  navNumber: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  navCount: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  panel: {
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  addItem: { justifyContent: 'flex-start', marginTop: tokens.spacingVerticalXS },
});

const SAVE_STATE_TEXT: Record<AutosaveState, string> = {
  saved: 'All changes saved',
  pending: 'Typing… kept on this computer',
  saving: 'Saving…',
  failed: 'Not saved yet: kept on this computer, retrying when you leave the field',
};

const reopenSchema = z.strictObject({
  reason: z.string().trim().min(1, 'Say why the minutes are reopened.').max(LIMITS.shortText),
});

/** Routed at /meetings/:meetingId. */
export function MeetingRoute() {
  const { meetingId } = useParams();
  return meetingId ? <MeetingPage key={meetingId} meetingId={meetingId} /> : null;
}

/** Running a service review: attendance, then minutes, decisions and actions item by item. */
function MeetingPage({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { notify, notifyError } = useNotify();
  const units = useAppStore((s) => s.directory.units);
  const { detail, loadError, apply, reload, putAction } = useMeeting(meetingId);
  const [recovered, setRecovered] = useState<string[] | null>(null);
  const [minutes, setMinutes] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<AutosaveState>('saved');
  const [current, setCurrent] = useState(0);
  const [focus, setFocus] = useState<FocusRequest>({ target: 'minutes', seq: 0 });
  const [helpOpen, setHelpOpen] = useState(false);
  const [editingPlan, setEditingPlan] = useState(false);
  const [finalising, setFinalising] = useState(false);
  const [markingEarly, setMarkingEarly] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [addingItem, setAddingItem] = useState(false);
  const [removingItem, setRemovingItem] = useState<AgendaItem | null>(null);
  const autosaveRef = useRef<MinutesAutosave | null>(null);
  const today = todayOf();

  // Before the minutes become editable, put back anything the journal holds that the store lacks.
  useEffect(() => {
    let live = true;
    recoverMeeting(meetingId)
      .catch(() => [])
      .then(async (ids) => {
        if (!live) return;
        if (ids.length) await reload();
        setRecovered(ids);
      });
    return () => {
      live = false;
    };
  }, [meetingId, reload]);

  const ready = detail !== null && recovered !== null;

  // One autosave per meeting view, fed with what is stored; flushed when the view goes away.
  useEffect(() => {
    if (!ready || autosaveRef.current) return;
    const autosave = new MinutesAutosave({
      meetingId,
      journal: minutesJournal(),
      save: async (itemId, text) => {
        await api.saveMinutes({ meetingId, itemId, minutes: text });
      },
      onState: (state) => setSaveState(state),
    });
    for (const item of detail.meeting.agenda) autosave.setStored(item.id, item.minutes);
    autosaveRef.current = autosave;
    setMinutes(Object.fromEntries(detail.meeting.agenda.map((i) => [i.id, i.minutes])));
  }, [ready, detail, meetingId]);

  useEffect(() => {
    const flush = () => void autosaveRef.current?.flush();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onHidden);
    // Electron asks before quitting, closing or sleeping, and waits (bounded) for this commit to answer.
    const unsubscribe = workbookEvents.onFlushRequest(
      () => autosaveRef.current?.flush() ?? Promise.resolve(),
    );
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, []);

  const agenda = useMemo(() => (detail ? assembleAgenda(detail.meeting, detail.actions) : []), [detail]);
  const owners = useMemo(() => {
    if (!detail) return [];
    const names = [...detail.meeting.attendees.map((a) => a.name), ...detail.actions.map((a) => a.owner)];
    return [...new Set(names.filter(Boolean))].sort((a, b) => a.localeCompare(b));
  }, [detail]);

  const goTo = useCallback(
    (index: number) => {
      if (index < 0 || index >= agenda.length) return;
      void autosaveRef.current?.flush();
      setCurrent(index);
      setFocus((f) => ({ target: 'minutes', seq: f.seq + 1 }));
    },
    [agenda.length],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = shortcutOf(event);
      if (!command) return;
      event.preventDefault();
      if (command === 'help') setHelpOpen((open) => !open);
      else if (command === 'next-item') goTo(current + 1);
      else if (command === 'previous-item') goTo(current - 1);
      else if (typeof command === 'object') goTo(command.item);
      else if (command === 'focus-minutes') setFocus((f) => ({ target: 'minutes', seq: f.seq + 1 }));
      else if (command === 'add-decision' || command === 'add-action') {
        setFocus((f) => ({ target: command === 'add-decision' ? 'decision' : 'action', seq: f.seq + 1 }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, goTo]);

  const reopenForm = useForm(reopenSchema, { reason: '' });

  if (loadError) {
    return (
      <Page>
        <PageHeader title="This meeting could not be opened" subtitle={loadError} />
        <Link onClick={() => navigate('/meetings')}>Back to meetings</Link>
      </Page>
    );
  }
  if (!ready) {
    return (
      <Page>
        <Spinner label="Opening the meeting…" />
      </Page>
    );
  }

  const { meeting } = detail;
  const unit = units.find((u) => u.id === meeting.unitId);
  const readOnly = meeting.status === 'finalised';
  const entry = agenda[Math.min(current, agenda.length - 1)];
  const period = meetingPeriod(meeting);
  // A meeting dated after today is held or finalised only once the BRM confirms the date is right.
  const futureWarning = futureMeetingWarning(meeting.date, today);
  const markHeld = () =>
    api
      .markMeetingHeld({ id: meeting.id, confirmFuture: futureWarning !== null })
      .then((d) => {
        apply(d);
        notify('Marked as held');
      })
      .catch(notifyError);
  const recoveredTitles = meeting.agenda.filter((i) => recovered.includes(i.id)).map((i) => i.title);

  const changeMinutes = (itemId: string, text: string) => {
    setMinutes((m) => ({ ...m, [itemId]: text }));
    autosaveRef.current?.change(itemId, text);
  };
  const flushThen = async <T,>(step: () => Promise<T>): Promise<T> => {
    await autosaveRef.current?.flush();
    if (autosaveRef.current && meeting.agenda.some((i) => autosaveRef.current?.unsaved(i.id) !== null)) {
      throw new Error('The minutes could not be saved yet. Nothing else was changed; try again in a moment.');
    }
    return step();
  };
  const raisedUnder = (itemId: string | null): ActionItem[] =>
    detail.actions.filter((a) => a.raisedInMeetingId === meeting.id && a.agendaItemId === itemId);

  return (
    <Page label={`${meetingKindTitle(meeting.kind)}, ${unit?.name ?? ''}`}>
      <PageHeader
        title={`${meetingKindTitle(meeting.kind)} · ${unit?.name ?? 'Unknown unit'}`}
        subtitle={
          <span className={styles.facts}>
            <span>{meetingWhen(meeting)}</span>
            {meeting.location ? (
              isOnlineLink(meeting.location) ? (
                <Link href={meeting.location} target="_blank" rel="noreferrer">
                  Online meeting link
                </Link>
              ) : (
                <span>{meeting.location}</span>
              )
            ) : null}
            {period ? <span>Period under review: {period}</span> : null}
            {meeting.chair ? <span>Chair: {meeting.chair}</span> : null}
            {meeting.minuteTaker ? <span>Minutes: {meeting.minuteTaker}</span> : null}
          </span>
        }
        actions={
          <>
            {readOnly ? null : <Button onClick={() => setEditingPlan(true)}>Edit plan</Button>}
            {meeting.status === 'planned' ? (
              <Button
                onClick={() => {
                  if (futureWarning) setMarkingEarly(true);
                  else markHeld();
                }}
              >
                Mark as held
              </Button>
            ) : null}
            {readOnly ? (
              <Button onClick={() => setReopening(true)}>Reopen minutes…</Button>
            ) : (
              <Button appearance="primary" onClick={() => setFinalising(true)}>
                Finalise minutes
              </Button>
            )}
            {meeting.kind === 'periodic' ? (
              <Button
                onClick={() =>
                  void api
                    .planNextMeeting({ id: meeting.id })
                    .then((next) => {
                      notify(meeting.nextMeetingId ? 'Opened the next meeting' : 'Next meeting planned');
                      navigate(`/meetings/${next.id}`);
                    })
                    .catch(notifyError)
                }
              >
                {meeting.nextMeetingId ? 'Open next meeting' : 'Plan next meeting'}
              </Button>
            ) : null}
            {MEETING_HEADER_ACTIONS.map(({ key, Component }) => (
              <Component key={key} meeting={meeting} actions={detail.actions} />
            ))}
          </>
        }
      />

      <div className={styles.statusRow}>
        <Badge appearance="filled" color={MEETING_STATUS_COLORS[meeting.status]}>
          {MEETING_STATUS_LABELS[meeting.status]}
        </Badge>
        {unit ? (
          <RouterLink to={`/units/${unit.id}`} className={styles.hint}>
            {unit.name}
          </RouterLink>
        ) : null}
        {meeting.previousMeetingId ? (
          <RouterLink to={`/meetings/${meeting.previousMeetingId}`} className={styles.hint}>
            Previous meeting
          </RouterLink>
        ) : null}
        <span className={styles.spacer} />
        {readOnly ? null : (
          <Text
            role="status"
            aria-label="Save status"
            className={mergeClasses(styles.saveState, saveState === 'failed' && styles.saveFailed)}
          >
            {SAVE_STATE_TEXT[saveState]}
          </Text>
        )}
        <Button appearance="subtle" icon={<Keyboard20Regular />} onClick={() => setHelpOpen(true)}>
          Keyboard shortcuts (F1)
        </Button>
      </div>

      {recoveredTitles.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Recovered minutes</MessageBarTitle>
            Text you typed that had not been saved was recovered and saved, under:{' '}
            {recoveredTitles.join(', ')}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {readOnly ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            These minutes are finalised and read-only. To correct them, reopen them and give the reason; it is
            kept in the meeting&apos;s history.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {meeting.kind === 'adhoc' && meeting.trigger ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Trigger</MessageBarTitle>
            {meeting.trigger}
          </MessageBarBody>
        </MessageBar>
      ) : null}

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
        <nav className={styles.nav} aria-label="Agenda">
          <h2 className={styles.navTitle}>Agenda</h2>
          <ol className={styles.navList}>
            {agenda.map((e, index) => {
              const title = e.kind === 'item' ? e.item.title : e.title;
              const count =
                e.kind === 'carried-actions'
                  ? e.actions.length
                  : e.item.decisions.length + raisedUnder(e.item.id).length;
              return (
                <li key={e.kind === 'item' ? e.item.id : 'carried'}>
                  <button
                    type="button"
                    className={mergeClasses(styles.navItem, index === current && styles.navCurrent)}
                    aria-current={index === current ? 'step' : undefined}
                    onClick={() => goTo(index)}
                  >
                    <span className={styles.navNumber}>{index + 1}.</span>
                    <span>{title}</span>
                    {count ? <span className={styles.navCount}>{count}</span> : null}
                  </button>
                </li>
              );
            })}
          </ol>
          {readOnly ? null : (
            <Button
              appearance="subtle"
              icon={<Add20Regular />}
              className={styles.addItem}
              onClick={() => setAddingItem(true)}
            >
              Add agenda item
            </Button>
          )}
          <Text className={styles.hint} style={{ padding: 8 }}>
            Alt+↓ / Alt+↑ move between items.
          </Text>
        </nav>
        <div className={styles.panel}>
          {entry?.kind === 'carried-actions' ? (
            <CarriedActionsPanel
              meeting={meeting}
              title={CARRIED_ACTIONS_TITLE}
              carried={entry.actions}
              raisedHere={raisedUnder(null)}
              owners={owners}
              readOnly={readOnly}
              today={today}
              focus={focus}
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
              minutes={minutes[entry.item.id] ?? entry.item.minutes}
              focus={focus}
              onMinutesChange={(text) => changeMinutes(entry.item.id, text)}
              onMinutesBlur={() => void autosaveRef.current?.flush()}
              onDetail={apply}
              onAction={putAction}
              onFocusMinutes={() => setFocus((f) => ({ target: 'minutes', seq: f.seq + 1 }))}
              onRemove={() => setRemovingItem(entry.item)}
            />
          ) : null}
        </div>
      </div>

      <UnplacedReviewPack meeting={meeting} readOnly={readOnly} />
      <MeetingOutcomes meeting={meeting} />

      <MeetingHistory meeting={meeting} />

      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      <AddAgendaItemDialog
        open={addingItem}
        meetingId={meeting.id}
        onClose={() => setAddingItem(false)}
        onAdded={(added) => {
          apply(added);
          // New items go last: open it, ready for its minutes.
          setCurrent(assembleAgenda(added.meeting, added.actions).length - 1);
          setFocus((f) => ({ target: 'minutes', seq: f.seq + 1 }));
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
      <PlanMeetingDialog
        open={editingPlan}
        meeting={meeting}
        onClose={() => setEditingPlan(false)}
        onSaved={() => {
          void reload();
          notify('Plan saved');
        }}
      />
      <ConfirmDialog
        open={finalising}
        title="Finalise the minutes?"
        confirmLabel="Finalise minutes"
        onClose={() => setFinalising(false)}
        onConfirm={async () => {
          apply(
            await flushThen(() =>
              api.finaliseMeeting({ id: meeting.id, confirmFuture: futureWarning !== null }),
            ),
          );
          notify('Minutes finalised');
        }}
      >
        {futureWarning ? <strong>{futureWarning} </strong> : null}
        The minutes become read-only and the actions reviewed in this meeting are fixed in its record. They
        can be reopened later; the reason is kept in the meeting&apos;s history.
      </ConfirmDialog>
      <ConfirmDialog
        open={markingEarly}
        title="Mark a future meeting as held?"
        confirmLabel="Mark as held"
        onClose={() => setMarkingEarly(false)}
        onConfirm={() => markHeld()}
      >
        {futureWarning}
      </ConfirmDialog>
      <FormDialog
        open={reopening}
        title="Reopen the minutes"
        submitLabel="Reopen minutes"
        saving={reopenForm.saving}
        formError={reopenForm.formError}
        onClose={() => setReopening(false)}
        onSubmit={() =>
          void reopenForm
            .submit(async ({ reason }) => {
              apply(await api.reopenMeeting({ id: meeting.id, reason }));
              notify('Minutes reopened');
            })
            .then((ok) => {
              if (ok) {
                setReopening(false);
                reopenForm.reset({ reason: '' });
              }
            })
        }
      >
        <Field label="Reason for reopening" required validationMessage={reopenForm.errors.reason}>
          <Textarea
            value={reopenForm.values.reason}
            onChange={(_, d) => reopenForm.set('reason', d.value)}
            rows={3}
          />
        </Field>
      </FormDialog>
    </Page>
  );
}
