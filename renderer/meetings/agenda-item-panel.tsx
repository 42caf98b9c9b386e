import { Button, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { MeetingDetail } from '../../shared/contract/meetings';
import type { ActionItem, AgendaItem, Meeting } from '../../shared/domain/meetings';
import { ReviewPackForItem } from '../app/feature-parts';
import { RichTextEditor, type RichTextHandle } from '../ui/rich-text-editor';
import { AgendaItemActions } from './agenda-item-actions';
import { AgendaItemDecisions } from './agenda-item-decisions';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  headingRow: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  heading: { margin: 0, flex: 1, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  guidance: {
    color: tokens.colorNeutralForeground3,
    borderLeft: `3px solid ${tokens.colorBrandStroke2}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
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
  const minutesRef = useRef<RichTextHandle>(null);
  const decisionRef = useRef<RichTextHandle>(null);
  const [actionFocus, setActionFocus] = useState(0);
  const { meeting, item } = props;
  const under = `under ${props.number}. ${item.title}`;

  useEffect(() => {
    if (props.focus.target === 'minutes') minutesRef.current?.focus();
    else if (props.focus.target === 'decision') decisionRef.current?.focus();
    else setActionFocus(props.focus.seq);
  }, [props.focus]);

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

      <AgendaItemDecisions
        meeting={meeting}
        item={item}
        under={under}
        readOnly={props.readOnly}
        editorRef={decisionRef}
        onDetail={props.onDetail}
        onFocusMinutes={props.onFocusMinutes}
      />

      <AgendaItemActions
        meeting={meeting}
        item={item}
        under={under}
        actions={props.actions}
        owners={props.owners}
        readOnly={props.readOnly}
        focusKey={actionFocus}
        onDetail={props.onDetail}
        onAction={props.onAction}
        onFocusMinutes={props.onFocusMinutes}
      />
    </section>
  );
}
