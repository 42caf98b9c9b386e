import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CONTACT_ROLE_LABELS } from '../../shared/domain/customers';
import { overdueFirst, type EngagementRow } from '../../shared/domain/engagement';
import { api } from '../platform/workbook-api';
import { AppLink } from '../ui/app-link';
import { useUnitName } from '../ui/unit-filter';
import { useLoad } from '../ui/use-load';
import { EmptyText, Section } from '../ui/page';
import { lastMetText, overdueText } from './engagement-labels';
import { LogContactDialog } from './log-contact-dialog';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  main: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  overdue: { color: tokens.colorPaletteRedForeground1, whiteSpace: 'nowrap' },
});

/** The dashboard's list of relationships past their target cadence, most overdue first. */
export function OverdueRelationships() {
  const styles = useStyles();
  const unitName = useUnitName();
  const { data, error, reload } = useLoad(() => api.listEngagement({ unitId: null }), []);
  const [logging, setLogging] = useState<EngagementRow | null>(null);
  const overdue = data ? overdueFirst(data) : [];
  return (
    <Section title="Overdue relationships">
      {error ? <Text>{error}</Text> : null}
      {data && overdue.length === 0 ? (
        <EmptyText>Everyone with a target cadence has been met in time.</EmptyText>
      ) : null}
      {overdue.length ? (
        <ul className={styles.list} aria-label="Overdue relationships">
          {overdue.map((row) => (
            <li key={row.contactId} className={styles.item}>
              <div className={styles.main}>
                <AppLink to={`/units/${row.unitId}`}>{row.name}</AppLink>
                <Text className={styles.sub}>
                  {CONTACT_ROLE_LABELS[row.role]}, {unitName(row.unitId)} · last met {lastMetText(row)}
                </Text>
              </div>
              <Text className={styles.overdue}>{overdueText(row.overdueDays)}</Text>
              <Button size="small" onClick={() => setLogging(row)} aria-label={`Met ${row.name} informally`}>
                Met informally
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <LogContactDialog
        contact={logging ? { id: logging.contactId, name: logging.name } : null}
        onClose={() => setLogging(null)}
        onSaved={() => void reload()}
      />
    </Section>
  );
}
