import { Badge, Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import type { MeetingDetail } from '../../shared/contract/meetings';
import type { CarriedAction } from '../../shared/domain/agenda';
import { formatDayLong, isOverdue } from '../../shared/domain/meeting-dates';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  type ActionItem,
  type ActionStatus,
  type Meeting,
} from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { useDraftJournal, useDraftStart } from '../ui/form-drafts';
import { EmptyText } from '../ui/page';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';
import { ActionForm } from './action-form';
import type { FocusRequest } from './agenda-item-panel';
import { DateInput } from '../ui/typed-date-input';
import { ChoiceSelect } from '../ui/choice-select';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  intro: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '12px' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  top: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', flex: 1, minWidth: '200px' },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  said: { fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  form: {
    display: 'grid',
    gridTemplateColumns: '150px minmax(0, 1fr) 160px auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalXS },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  blockTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** The automatic first agenda item: every open action of the unit, each with an update given here. */
export function CarriedActionsPanel(props: {
  meeting: Meeting;
  title: string;
  carried: readonly CarriedAction[];
  raisedHere: readonly ActionItem[];
  owners: readonly string[];
  readOnly: boolean;
  today: string;
  focus: FocusRequest;
  onDetail: (detail: MeetingDetail) => void;
}) {
  const styles = useStyles();
  const firstRef = useRef<HTMLInputElement>(null);
  const [actionFocus, setActionFocus] = useState(0);
  const [minutesHint, setMinutesHint] = useState(false);
  const { focus } = props;
  const hasCarried = props.carried.length > 0 && !props.readOnly;

  useEffect(() => {
    // This item has no minutes box: Alt+M (and opening it) goes to the first update, and says so.
    if (focus.target === 'minutes' && focus.seq > 0) setMinutesHint(true);
    if (focus.target === 'action' || (focus.target === 'minutes' && !hasCarried)) setActionFocus(focus.seq);
    else firstRef.current?.focus();
  }, [focus, hasCarried]);

  return (
    <section className={styles.panel} aria-label={`Agenda item 1: ${props.title}`}>
      <h2 className={styles.heading}>1. {props.title}</h2>
      <Text className={styles.intro}>
        Every open action of this unit, with the update given in this meeting. Record a status and a short
        note for each.
      </Text>
      {minutesHint && !props.readOnly ? (
        <Text role="status" className={styles.intro}>
          This item has no minutes box: what is said about each action goes in its Update field
          {hasCarried ? '' : ', and new actions below'}. Nothing typed here is lost when you move on.
        </Text>
      ) : null}
      {props.carried.length ? (
        <ul className={styles.list} aria-label="Carried actions">
          {props.carried.map((c, index) => (
            <CarriedActionCard
              key={c.action.id}
              carried={c}
              meeting={props.meeting}
              readOnly={props.readOnly}
              today={props.today}
              noteRef={index === 0 ? firstRef : undefined}
              onDetail={props.onDetail}
            />
          ))}
        </ul>
      ) : (
        <EmptyText>No open actions from previous meetings.</EmptyText>
      )}
      <div className={styles.block}>
        <h3 className={styles.blockTitle}>New actions</h3>
        {props.raisedHere.length ? (
          <ul className={styles.list} aria-label="Actions raised">
            {props.raisedHere.map((a) => (
              <li key={a.id} className={styles.meta}>
                <Text weight="semibold">{a.title}</Text> · {a.owner || 'No owner'} · due{' '}
                {formatDayLong(a.dueDate)}
              </li>
            ))}
          </ul>
        ) : null}
        {props.readOnly ? null : (
          <ActionForm
            meetingDate={props.meeting.date}
            owners={props.owners}
            submitLabel="Add action"
            focusKey={actionFocus}
            draft={{
              scope: props.meeting.id,
              form: 'action:carried',
              label: `New action under 1. ${props.title}`,
            }}
            onCancel={() => firstRef.current?.focus()}
            onSubmit={async (fields) => {
              props.onDetail(
                await api.addAction({ meetingId: props.meeting.id, agendaItemId: null, fields }),
              );
            }}
          />
        )}
      </div>
    </section>
  );
}

function CarriedActionCard(props: {
  carried: CarriedAction;
  meeting: Meeting;
  readOnly: boolean;
  today: string;
  noteRef?: Ref<HTMLInputElement>;
  onDetail: (detail: MeetingDetail) => void;
}) {
  const styles = useStyles();
  const { notifyError } = useNotify();
  const { action, latestUpdate, updateInThisMeeting } = props.carried;
  // What is recorded in this meeting so far; a draft is whatever differs from it.
  const recorded = {
    status: updateInThisMeeting?.status ?? action.status,
    note: updateInThisMeeting?.note ?? '',
    date: updateInThisMeeting?.date ?? props.meeting.date,
  };
  const draft = {
    scope: props.meeting.id,
    form: `update:${action.id}`,
    label: `Update on “${action.title}”`,
  };
  const start = useDraftStart(draft, recorded);
  const [status, setStatus] = useState<ActionStatus>(start.status as ActionStatus);
  const [note, setNote] = useState(start.note);
  const [date, setDate] = useState(start.date);
  useDraftJournal(props.readOnly ? undefined : draft, { status, note, date }, recorded);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const record = (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    api
      .recordActionUpdate({ meetingId: props.meeting.id, actionId: action.id, date, status, note })
      .then((detail) => {
        props.onDetail(detail);
        setError(undefined);
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setSaving(false));
  };

  const overdue = isOverdue(action, props.today);
  return (
    <li className={styles.card} aria-label={action.title}>
      <div className={styles.top}>
        <Text className={styles.title}>{action.title}</Text>
        <Badge appearance="tint" color={action.status === 'done' ? 'success' : 'informative'}>
          {ACTION_STATUS_LABELS[action.status]}
        </Badge>
        {overdue ? (
          <Badge appearance="filled" color="danger">
            Overdue
          </Badge>
        ) : null}
      </div>
      <Text className={styles.meta}>
        {action.owner || 'No owner'} · due {formatDayLong(action.dueDate)}
      </Text>
      {latestUpdate ? (
        <Text className={styles.said}>
          Latest update: {ACTION_STATUS_LABELS[latestUpdate.status]}
          {latestUpdate.note ? ` — ${latestUpdate.note}` : ''} ({formatDayLong(latestUpdate.date)})
        </Text>
      ) : (
        <Text className={styles.said}>No update given yet.</Text>
      )}
      {props.readOnly ? (
        updateInThisMeeting ? (
          <Text className={styles.said}>
            In this meeting: {ACTION_STATUS_LABELS[updateInThisMeeting.status]}
            {updateInThisMeeting.note ? ` — ${updateInThisMeeting.note}` : ''}
          </Text>
        ) : null
      ) : (
        <form className={styles.form} onSubmit={record} aria-label={`Update on ${action.title}`}>
          <Field label="New status">
            <ChoiceSelect
              value={status}
              choices={ACTION_STATUSES}
              labels={ACTION_STATUS_LABELS}
              onChange={(value) => setStatus(value)}
            />
          </Field>
          <Field label="Update" validationMessage={error}>
            <Input
              ref={props.noteRef}
              value={note}
              onChange={(_, d) => setNote(d.value)}
              placeholder="What was reported"
            />
          </Field>
          <Field label="Update date">
            <DateInput value={date} onChange={(value) => setDate(value)} />
          </Field>
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" disabled={saving}>
              {updateInThisMeeting ? 'Change update' : 'Record update'}
            </Button>
            {updateInThisMeeting ? (
              <Button
                onClick={() =>
                  void api
                    .clearActionUpdate({ meetingId: props.meeting.id, actionId: action.id })
                    .then(props.onDetail)
                    .catch(notifyError)
                }
              >
                Clear
              </Button>
            ) : null}
          </div>
        </form>
      )}
      {!props.readOnly && updateInThisMeeting ? (
        <Text className={styles.said} role="status">
          Recorded in this meeting: {ACTION_STATUS_LABELS[updateInThisMeeting.status]}
          {updateInThisMeeting.note ? ` — ${updateInThisMeeting.note}` : ''}
        </Text>
      ) : null}
    </li>
  );
}
