import { Button, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { formatDayLong } from '../../shared/domain/meeting-dates';
import type { ActionItem, AgendaItem, Meeting } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { ReviewPackForItem } from '../app/feature-parts';
import { formDrafts, useDraftJournal, useDraftStart } from '../ui/form-drafts';
import { EmptyText } from '../ui/page';
import { RichTextEditor, type RichTextHandle } from '../ui/rich-text-editor';
import { RichTextView } from '../ui/rich-text-view';
import { isRichTextEmpty, richTextToPlain } from '../../shared/rich-text/rich-text';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';
import { ActionForm } from './action-form';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  headingRow: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  heading: { margin: 0, flex: 1, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  guidance: {
    color: tokens.colorNeutralForeground3,
    borderLeft: `3px solid ${tokens.colorBrandStroke2}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  blockTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column' },
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  rowText: { flex: 1, minWidth: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  decisionForm: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  grow: { flex: 1 },
});

export interface FocusRequest {
  target: 'minutes' | 'decision' | 'action';
  /** Changes on every request, so asking twice focuses twice. */
  seq: number;
}

/** One agenda item while the meeting runs: its minutes, its decisions and the actions raised under it. */
export function AgendaItemPanel(props: {
  meeting: Meeting;
  item: AgendaItem;
  number: number;
  actions: readonly ActionItem[];
  owners: readonly string[];
  readOnly: boolean;
  minutes: string;
  focus: FocusRequest;
  onMinutesChange: (text: string) => void;
  onMinutesBlur: () => void;
  onDetail: (detail: MeetingDetail) => void;
  onAction: (action: ActionItem) => void;
  onFocusMinutes: () => void;
  /** Offered while the item is empty: no minutes, decisions or actions. */
  onRemove: () => void;
}) {
  const styles = useStyles();
  const { notifyError } = useNotify();
  const minutesRef = useRef<RichTextHandle>(null);
  const decisionRef = useRef<RichTextHandle>(null);
  const { meeting, item } = props;
  const under = `under ${props.number}. ${item.title}`;
  const decisionDraft = props.readOnly
    ? undefined
    : { scope: meeting.id, form: `decision:${item.id}`, label: `New decision ${under}` };
  const [decision, setDecision] = useState(useDraftStart(decisionDraft, { text: '' }).text);
  useDraftJournal(decisionDraft, { text: decision }, { text: '' });
  const [decisionError, setDecisionError] = useState<string | undefined>();
  const [actionFocus, setActionFocus] = useState(0);
  const editDraft = (action: ActionItem) => ({
    scope: meeting.id,
    form: `edit-action:${action.id}`,
    label: `Changes to the action “${action.title}”`,
  });
  // An action whose changes were being typed (before moving to another item, or a crash) opens as it was left.
  const [editing, setEditingState] = useState<string | null>(() =>
    props.readOnly
      ? null
      : (props.actions.find((a) => formDrafts().get(meeting.id, editDraft(a).form))?.id ?? null),
  );
  /** Closing the form (saved or cancelled) ends its draft: it unmounts before it could see its values saved. */
  const setEditing = (id: string | null) => {
    const closing = props.actions.find((a) => a.id === editing);
    if (closing && id !== editing) void formDrafts().remove(meeting.id, editDraft(closing).form);
    setEditingState(id);
  };

  useEffect(() => {
    if (props.focus.target === 'minutes') minutesRef.current?.focus();
    else if (props.focus.target === 'decision') decisionRef.current?.focus();
    else setActionFocus(props.focus.seq);
  }, [props.focus]);

  const addDecision = () => {
    if (isRichTextEmpty(decision)) {
      setDecisionError('A decision needs some text.');
      return;
    }
    api
      .addDecision({ meetingId: meeting.id, itemId: item.id, text: decision })
      .then((detail) => {
        props.onDetail(detail);
        setDecision('');
        setDecisionError(undefined);
        props.onFocusMinutes();
      })
      .catch((error: unknown) => setDecisionError(messageOf(error)));
  };

  const leaveDecision = () => {
    setDecisionError(undefined);
    props.onFocusMinutes();
  };

  return (
    <section className={styles.panel} aria-label={`Agenda item ${props.number}: ${item.title}`}>
      <div className={styles.headingRow}>
        <h2 className={styles.heading}>
          {props.number}. {item.title}
        </h2>
        {props.readOnly || props.minutes.trim() || item.decisions.length || props.actions.length ? null : (
          <Button appearance="subtle" size="small" icon={<Delete20Regular />} onClick={props.onRemove}>
            Remove item
          </Button>
        )}
      </div>
      {item.guidance ? <Text className={styles.guidance}>{item.guidance}</Text> : null}
      <ReviewPackForItem meeting={meeting} itemId={item.id} readOnly={props.readOnly} />

      <Field label="Minutes">
        <RichTextEditor
          ref={minutesRef}
          value={props.minutes}
          readOnly={props.readOnly}
          rows={7}
          placeholder={
            props.readOnly ? 'No minutes recorded.' : 'Type the minutes of this item as it is discussed…'
          }
          onChange={props.onMinutesChange}
          onBlur={props.onMinutesBlur}
        />
      </Field>

      <div className={styles.block}>
        <h3 className={styles.blockTitle}>Decisions</h3>
        {item.decisions.length ? (
          <ol className={styles.list} aria-label="Decisions">
            {item.decisions.map((d) => (
              <li key={d.id} className={styles.row}>
                <RichTextView className={styles.rowText} value={d.text} />
                {props.readOnly ? null : (
                  <Button
                    appearance="subtle"
                    icon={<Delete20Regular />}
                    aria-label={`Remove decision: ${richTextToPlain(d.text)}`}
                    onClick={() =>
                      void api
                        .removeDecision({ meetingId: meeting.id, itemId: item.id, decisionId: d.id })
                        .then(props.onDetail)
                        .catch(notifyError)
                    }
                  />
                )}
              </li>
            ))}
          </ol>
        ) : (
          <EmptyText>No decisions under this item.</EmptyText>
        )}
        {props.readOnly ? null : (
          <div className={styles.decisionForm}>
            <Field label="New decision" className={styles.grow} validationMessage={decisionError}>
              <RichTextEditor
                ref={decisionRef}
                value={decision}
                onChange={(text) => {
                  setDecision(text);
                  setDecisionError(undefined);
                }}
                onSubmit={addDecision}
                onEscape={leaveDecision}
              />
            </Field>
            <Button onClick={addDecision} style={{ marginBottom: decisionError ? 22 : 0 }}>
              Add decision
            </Button>
          </div>
        )}
      </div>

      <div className={styles.block}>
        <h3 className={styles.blockTitle}>Actions</h3>
        {props.actions.length ? (
          <ul className={styles.list} aria-label="Actions raised">
            {props.actions.map((a) =>
              editing === a.id ? (
                <li key={a.id} className={styles.row}>
                  <div className={styles.grow}>
                    <ActionForm
                      meetingDate={meeting.date}
                      initial={{ title: a.title, owner: a.owner, dueDate: a.dueDate }}
                      owners={props.owners}
                      submitLabel="Save action"
                      focusKey={1}
                      draft={editDraft(a)}
                      onCancel={() => setEditing(null)}
                      onSubmit={async (fields) => {
                        props.onAction(await api.updateAction({ unitId: a.unitId, id: a.id, fields }));
                        setEditing(null);
                      }}
                    />
                  </div>
                </li>
              ) : (
                <li key={a.id} className={styles.row}>
                  <div className={styles.rowText}>
                    <Text weight="semibold">{a.title}</Text>
                    <div className={styles.meta}>
                      {a.owner || 'No owner'} · due {formatDayLong(a.dueDate)}
                    </div>
                  </div>
                  {props.readOnly ? null : (
                    <>
                      <Button
                        appearance="subtle"
                        icon={<Edit20Regular />}
                        aria-label={`Edit action: ${a.title}`}
                        onClick={() => setEditing(a.id)}
                      />
                      <Button
                        appearance="subtle"
                        icon={<Delete20Regular />}
                        aria-label={`Remove action: ${a.title}`}
                        onClick={() =>
                          void api
                            .deleteAction({ meetingId: meeting.id, id: a.id })
                            .then(props.onDetail)
                            .catch(notifyError)
                        }
                      />
                    </>
                  )}
                </li>
              ),
            )}
          </ul>
        ) : (
          <EmptyText>No actions raised under this item.</EmptyText>
        )}
        {props.readOnly ? null : (
          <ActionForm
            meetingDate={meeting.date}
            owners={props.owners}
            submitLabel="Add action"
            focusKey={actionFocus}
            draft={{ scope: meeting.id, form: `action:${item.id}`, label: `New action ${under}` }}
            onCancel={props.onFocusMinutes}
            onSubmit={async (fields) => {
              props.onDetail(await api.addAction({ meetingId: meeting.id, agendaItemId: item.id, fields }));
            }}
          />
        )}
      </div>
    </section>
  );
}
