import { Button, Field } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useState, type Ref } from 'react';
import type { MeetingDetail } from '../../shared/contract/meetings';
import type { AgendaItem, Meeting } from '../../shared/domain/meetings';
import { isRichTextEmpty, richTextToPlain } from '../../shared/rich-text/rich-text';
import { api } from '../platform/workbook-api';
import { useDraftJournal, useDraftStart } from '../ui/form-drafts';
import { EmptyText } from '../ui/page';
import { RichTextEditor, type RichTextHandle } from '../ui/rich-text-editor';
import { RichTextView } from '../ui/rich-text-view';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';
import { useAgendaItemStyles } from './agenda-item-styles';

/**
 * The decisions taken under an agenda item, and the box to record another. What is typed there is kept as a
 * draft until it is added, so moving to another item or a crash does not lose it.
 */
export function AgendaItemDecisions(props: {
  meeting: Meeting;
  item: AgendaItem;
  /** "under 3. Incidents", naming the item in the draft's label. */
  under: string;
  readOnly: boolean;
  /** The new-decision box, focused by the page's shortcut. */
  editorRef: Ref<RichTextHandle>;
  onDetail: (detail: MeetingDetail) => void;
  /** After a decision is added or the box is left with Escape, typing goes on in the minutes. */
  onFocusMinutes: () => void;
}) {
  const styles = useAgendaItemStyles();
  const { notifyError } = useNotify();
  const { meeting, item } = props;
  const decisionDraft = props.readOnly
    ? undefined
    : { scope: meeting.id, form: `decision:${item.id}`, label: `New decision ${props.under}` };
  const [decision, setDecision] = useState(useDraftStart(decisionDraft, { text: '' }).text);
  useDraftJournal(decisionDraft, { text: decision }, { text: '' });
  const [decisionError, setDecisionError] = useState<string | undefined>();

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
              ref={props.editorRef}
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
  );
}
