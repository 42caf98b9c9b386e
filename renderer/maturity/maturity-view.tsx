import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { addDays } from 'date-fns';
import { useMemo } from 'react';
import { parseIsoDate, toIsoDate } from '../../shared/domain/register-rules';
import { MATURITY_LABELS, MATURITY_LEVELS, type MaturityLevel } from '../../shared/domain/customers';
import { AppLink } from '../ui/app-link';
import { formatDate, todayIso } from '../ui/format';
import { useUnitOptions } from '../ui/unit-filter';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { MaturityChart } from './maturity-chart';

const useStyles = makeStyles({
  levels: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  level: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  levelName: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  unit: {
    display: 'grid',
    gridTemplateColumns: '220px minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'center',
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  unitFacts: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    alignItems: 'flex-start',
  },
});

/** Seed 001: what each level means, and how success is measured there. */
const LEVEL_MEANING: Record<MaturityLevel, string> = {
  'ad-hoc': 'No formal relationship; the most demanding partner gets the attention. No consistent measures.',
  'order-taker': 'IT supplies what the business asks for. Measured by satisfaction and service levels.',
  advisor:
    'Sought out for advice on the right IT for a business opportunity. Measured by value to the partner.',
  'strategic-partner':
    'A valued partner across the business lifecycle. Measured by agility, innovation, collaboration.',
};

/** Every served unit's relationship maturity as a history, on one time scale so they can be compared. */
export function MaturityView() {
  const styles = useStyles();
  const units = useUnitOptions().map((o) => o.unit);
  const today = todayIso();
  const domain = useMemo((): readonly [string, string] | undefined => {
    const first = units.flatMap((u) => u.maturity.map((m) => m.assessedOn)).sort()[0];
    if (!first) return undefined;
    return [toIsoDate(addDays(parseIsoDate(first), -30)), toIsoDate(addDays(parseIsoDate(today), 15))];
  }, [units, today]);

  return (
    <Page label="Relationship maturity">
      <PageHeader
        title="Relationship maturity"
        subtitle="Where each relationship stands, from ad hoc to strategic partner, and how it has moved. Record an assessment on the unit's page."
      />
      <Section title="The four levels">
        <div className={styles.levels}>
          {MATURITY_LEVELS.map((level, i) => (
            <div key={level} className={styles.level}>
              <Text className={styles.levelName}>
                {i + 1}. {MATURITY_LABELS[level]}
              </Text>
              <Text className={styles.muted}>{LEVEL_MEANING[level]}</Text>
            </div>
          ))}
        </div>
      </Section>
      <Section title="History per unit">
        {units.length === 0 ? <EmptyText>No business units yet.</EmptyText> : null}
        {units.map((unit) => {
          const current = unit.maturity.at(-1);
          return (
            <div key={unit.id} className={styles.unit} role="group" aria-label={`Maturity of ${unit.name}`}>
              <div className={styles.unitFacts}>
                <AppLink to={`/units/${unit.id}`} strong>
                  {unit.name}
                </AppLink>
                {current ? (
                  <>
                    <Badge appearance="filled" color="brand">
                      {MATURITY_LABELS[current.level]}
                    </Badge>
                    <Text className={styles.muted}>
                      Assessed {formatDate(current.assessedOn)} · {unit.maturity.length} assessment
                      {unit.maturity.length === 1 ? '' : 's'}
                    </Text>
                  </>
                ) : (
                  <Text className={styles.muted}>Not assessed yet</Text>
                )}
              </div>
              {current ? <MaturityChart unit={unit} xDomain={domain} /> : <span />}
            </div>
          );
        })}
      </Section>
    </Page>
  );
}
