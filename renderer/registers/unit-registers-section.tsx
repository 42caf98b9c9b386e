import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { BusinessUnit } from '../../shared/domain/customers';
import { compareComplaints, dueAgreements, unitSatisfaction } from '../../shared/domain/register-rules';
import { isAgreementInForce, isOpenComplaint } from '../../shared/domain/registers';
import { DueBadge } from '../ui/due-badge';
import { api } from '../platform/workbook-api';
import { Section } from '../ui/page';
import { AppLink } from '../ui/app-link';
import { formatChange, formatDate, formatScore, plural, todayIso } from '../ui/format';
import { useLoad } from '../ui/use-load';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: tokens.spacingHorizontalL },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { fontWeight: tokens.fontWeightSemibold },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The unit's registers at a glance on its page, each linking to the register filtered to the unit. */
export function UnitRegistersSection({ unit }: { unit: BusinessUnit }) {
  const styles = useStyles();
  const { data } = useLoad(
    () =>
      Promise.all([
        api.listAgreements({ unitId: unit.id }),
        api.listFeedback({ unitId: unit.id }),
        api.listSurveys({ unitId: unit.id }),
      ]),
    [unit.id],
  );
  const today = todayIso();
  const summary = useMemo(() => {
    if (!data) return null;
    const [agreements, feedback, surveys] = data;
    return {
      inForce: agreements.filter((a) => isAgreementInForce(a.status)).length,
      total: agreements.length,
      due: dueAgreements(agreements, today)[0] ?? null,
      openComplaints: feedback.filter(isOpenComplaint).length,
      recent: compareComplaints(feedback, today).current,
      satisfaction: unitSatisfaction(surveys),
    };
  }, [data, today]);
  const scope = `?unitId=${unit.id}`;

  return (
    <Section title="Registers">
      {summary ? (
        <div className={styles.grid}>
          <div className={styles.column}>
            <Text className={styles.heading}>Agreements</Text>
            <Text className={styles.figure}>{summary.inForce} in force</Text>
            <Text className={styles.muted}>{plural(summary.total, 'agreement')} on record</Text>
            {summary.due ? (
              <Text>
                {summary.due.agreement.title} <DueBadge due={summary.due.due} />
              </Text>
            ) : null}
            <AppLink to={`/agreements${scope}`}>Open the agreements</AppLink>
          </div>
          <div className={styles.column}>
            <Text className={styles.heading}>Complaints and compliments</Text>
            <Text className={styles.figure}>{plural(summary.openComplaints, 'open complaint')}</Text>
            <Text className={styles.muted}>
              Last three months: {plural(summary.recent.complaints, 'complaint')},{' '}
              {plural(summary.recent.compliments, 'compliment')}
            </Text>
            <AppLink to={`/feedback${scope}`}>Open the register</AppLink>
          </div>
          <div className={styles.column}>
            <Text className={styles.heading}>Satisfaction</Text>
            <Text className={styles.figure}>
              {summary.satisfaction.latest
                ? `${formatScore(summary.satisfaction.latest.average)} / 5`
                : 'No survey yet'}
            </Text>
            {summary.satisfaction.latest ? (
              <Text className={styles.muted}>
                {formatDate(summary.satisfaction.latest.date)}
                {summary.satisfaction.change !== null
                  ? ` · ${formatChange(summary.satisfaction.change)} on the previous survey`
                  : ''}
              </Text>
            ) : null}
            <AppLink to={`/satisfaction${scope}`}>Open the surveys</AppLink>
          </div>
        </div>
      ) : null}
    </Section>
  );
}
