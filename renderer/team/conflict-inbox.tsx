import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { TeamConflict, TeamStatus } from '../../shared/contract/team';
import { api } from '../platform/workbook-api';
import { EmptyText } from '../ui/page';
import { useNotify } from '../ui/toast';
import { timeText, valueText } from './team-format';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, margin: 0, padding: 0 },
  item: {
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  sides: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  sideLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  value: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyBase,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusSmall,
    maxHeight: '16em',
    overflowY: 'auto',
  },
  deleted: { fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The conflict inbox: the same field changed here and by a colleague; the BRM picks what stays. */
export function ConflictInbox(props: {
  conflicts: TeamConflict[];
  onResolved: (status: TeamStatus) => void;
}) {
  const styles = useStyles();
  if (props.conflicts.length === 0)
    return <EmptyText>No conflicts: everything you and your colleagues changed merged by itself.</EmptyText>;
  return (
    <ul className={styles.list} aria-label="Conflicts">
      {props.conflicts.map((conflict) => (
        <ConflictItem key={conflict.id} conflict={conflict} onResolved={props.onResolved} />
      ))}
    </ul>
  );
}

function ConflictItem({
  conflict,
  onResolved,
}: {
  conflict: TeamConflict;
  onResolved: (status: TeamStatus) => void;
}) {
  const styles = useStyles();
  const [edited, setEdited] = useState(conflict.suggestion ?? '');
  const [busy, setBusy] = useState(false);
  const { notifyError } = useNotify();
  const name = `${conflict.recordName} – ${conflict.label}`;

  const resolve = (keep: 'mine' | 'theirs' | 'edited') => {
    setBusy(true);
    api
      .resolveTeamConflict({ id: conflict.id, keep, text: keep === 'edited' ? edited : null })
      .then(onResolved, notifyError)
      .finally(() => setBusy(false));
  };

  return (
    <li className={styles.item} aria-label={name}>
      <div>
        <Text className={styles.title} block>
          {conflict.recordName} · {conflict.label}
        </Text>
        <Text className={styles.sub}>
          {conflict.kind} · changed by {conflict.writer} on {timeText(conflict.at)}
        </Text>
      </div>
      <div className={styles.sides}>
        <Side label="Mine" value={conflict.mine} />
        <Side label={`Theirs (${conflict.writer})`} value={conflict.theirs} />
      </div>
      {conflict.suggestion !== null ? (
        <Field label="Edited text (both versions combined)">
          <Textarea value={edited} onChange={(_, data) => setEdited(data.value)} resize="vertical" rows={6} />
        </Field>
      ) : null}
      <div className={styles.buttons}>
        <Button disabled={busy} onClick={() => resolve('mine')}>
          Keep mine
        </Button>
        <Button disabled={busy} onClick={() => resolve('theirs')}>
          Keep theirs
        </Button>
        {conflict.suggestion !== null ? (
          <Button appearance="primary" disabled={busy} onClick={() => resolve('edited')}>
            Keep edited text
          </Button>
        ) : null}
      </div>
    </li>
  );
}

function Side({ label, value }: { label: string; value: unknown }) {
  const styles = useStyles();
  const deleted = value === null || value === undefined;
  return (
    <div className={styles.side}>
      <Text className={styles.sideLabel}>{label}</Text>
      <pre className={deleted ? `${styles.value} ${styles.deleted}` : styles.value} aria-label={label}>
        {deleted ? 'Deleted on this side' : valueText(value)}
      </pre>
    </div>
  );
}
