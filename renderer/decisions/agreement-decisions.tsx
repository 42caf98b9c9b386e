import { Badge, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DECISION_STATUS_LABELS, DECISION_TARGET_LABELS } from '../../shared/domain/decisions';
import type { Agreement } from '../../shared/domain/registers';
import { api } from '../platform/workbook-api';
import { AppLink } from '../ui/app-link';
import { formatDate } from '../ui/format';
import { useLoad } from '../ui/use-load';
import { STATUS_COLOURS } from './status-colours';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  text: { overflowWrap: 'anywhere' },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** On an opened agreement: the decisions that changed it or one of its service levels. */
export function AgreementDecisions({ agreement }: { agreement: Agreement }) {
  const styles = useStyles();
  const { data } = useLoad(() => api.listDecisions({ unitId: agreement.unitId }), [agreement.unitId]);
  const changed = (data ?? []).filter((d) => d.links.some((l) => l.agreementId === agreement.id));
  return (
    <Field label="Decisions that changed it">
      {changed.length === 0 ? (
        <Text className={styles.sub}>None recorded in the decision register.</Text>
      ) : (
        <ul className={styles.list} aria-label="Decisions that changed this agreement">
          {changed.map((d) => (
            <li key={d.id}>
              <Text className={styles.text}>{d.text}</Text>{' '}
              <Badge size="small" appearance="tint" color={STATUS_COLOURS[d.status]}>
                {DECISION_STATUS_LABELS[d.status]}
              </Badge>
              <div className={styles.sub}>
                <AppLink to={`/meetings/${d.meetingId}`}>{formatDate(d.meetingDate)}</AppLink> ·{' '}
                {d.links
                  .filter((l) => l.agreementId === agreement.id)
                  .map((l) => `${DECISION_TARGET_LABELS[l.kind]}: ${l.label}`)
                  .join('; ')}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Field>
  );
}
