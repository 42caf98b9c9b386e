import { Button, Text } from '@fluentui/react-components';
import { Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { formatDayLong } from '../../shared/domain/meeting-dates';
import type { ActionItem, AgendaItem, Meeting } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { formDrafts } from '../ui/form-drafts';
import { EmptyText } from '../ui/page';
import { useNotify } from '../ui/toast';
import { ActionForm } from './action-form';
import { useAgendaItemStyles } from './agenda-item-styles';

const editDraftOf = (meetingId: string, action: ActionItem) => ({
  scope: meetingId,
  form: `edit-action:${action.id}`,
  label: `Changes to the action “${action.title}”`,
});

/**
 * Which raised action is being edited in place. An action whose changes were being typed (before moving to
 * another item, or a crash) opens as it was left.
 */
function useActionEditing(meetingId: string, actions: readonly ActionItem[], readOnly: boolean) {
  const [editing, setEditingState] = useState<string | null>(() =>
    readOnly
      ? null
      : (actions.find((a) => formDrafts().get(meetingId, editDraftOf(meetingId, a).form))?.id ?? null),
  );
  /** Closing the form (saved or cancelled) ends its draft: it unmounts before it could see its values saved. */
  const setEditing = (id: string | null) => {
    const closing = actions.find((a) => a.id === editing);
    if (closing && id !== editing) void formDrafts().remove(meetingId, editDraftOf(meetingId, closing).form);
    setEditingState(id);
  };
  return { editing, setEditing };
}

/** The actions raised under an agenda item, each shown or edited in place, and the form to raise another. */
export function AgendaItemActions(props: {
  meeting: Meeting;
  item: AgendaItem;
  /** "under 3. Incidents", naming the item in the draft's label. */
  under: string;
  actions: readonly ActionItem[];
  owners: readonly string[];
  readOnly: boolean;
  /** Changes when the page's shortcut asks for the new action's title. */
  focusKey: number;
  onDetail: (detail: MeetingDetail) => void;
  onAction: (action: ActionItem) => void;
  onFocusMinutes: () => void;
}) {
  const styles = useAgendaItemStyles();
  const { meeting, item } = props;
  const { editing, setEditing } = useActionEditing(meeting.id, props.actions, props.readOnly);
  return (
    <div className={styles.block}>
      <h3 className={styles.blockTitle}>Actions</h3>
      {props.actions.length ? (
        <ul className={styles.list} aria-label="Actions raised">
          {props.actions.map((a) => (
            <li key={a.id} className={styles.row}>
              {editing === a.id ? (
                <div className={styles.grow}>
                  <ActionForm
                    meetingDate={meeting.date}
                    initial={{ title: a.title, owner: a.owner, dueDate: a.dueDate }}
                    owners={props.owners}
                    submitLabel="Save action"
                    focusKey={1}
                    draft={editDraftOf(meeting.id, a)}
                    onCancel={() => setEditing(null)}
                    onSubmit={async (fields) => {
                      props.onAction(await api.updateAction({ unitId: a.unitId, id: a.id, fields }));
                      setEditing(null);
                    }}
                  />
                </div>
              ) : (
                <RaisedActionSummary
                  meetingId={meeting.id}
                  action={a}
                  readOnly={props.readOnly}
                  onEdit={() => setEditing(a.id)}
                  onDetail={props.onDetail}
                />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyText>No actions raised under this item.</EmptyText>
      )}
      {props.readOnly ? null : (
        <ActionForm
          meetingDate={meeting.date}
          owners={props.owners}
          submitLabel="Add action"
          focusKey={props.focusKey}
          draft={{ scope: meeting.id, form: `action:${item.id}`, label: `New action ${props.under}` }}
          onCancel={props.onFocusMinutes}
          onSubmit={async (fields) => {
            props.onDetail(await api.addAction({ meetingId: meeting.id, agendaItemId: item.id, fields }));
          }}
        />
      )}
    </div>
  );
}

/** One raised action: title, owner and due date, with edit and remove while the minutes are open. */
function RaisedActionSummary(props: {
  meetingId: string;
  action: ActionItem;
  readOnly: boolean;
  onEdit: () => void;
  onDetail: (detail: MeetingDetail) => void;
}) {
  const styles = useAgendaItemStyles();
  const { notifyError } = useNotify();
  const a = props.action;
  return (
    <>
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
            onClick={props.onEdit}
          />
          <Button
            appearance="subtle"
            icon={<Delete20Regular />}
            aria-label={`Remove action: ${a.title}`}
            onClick={() =>
              void api
                .deleteAction({ meetingId: props.meetingId, id: a.id })
                .then(props.onDetail)
                .catch(notifyError)
            }
          />
        </>
      )}
    </>
  );
}
