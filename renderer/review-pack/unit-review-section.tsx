import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { BusinessUnit } from '../../shared/domain/customers';
import { isRequirementOpen } from '../../shared/domain/review-pack';
import { monthLabel, performanceTable } from '../../shared/domain/service-levels';
import { AppLink } from '../ui/app-link';
import { plural } from '../ui/format';
import { Section } from '../ui/page';
import { RagBadge } from './parts';
import { useReviewRecords } from './use-review-records';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: tokens.spacingHorizontalL },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { fontWeight: tokens.fontWeightSemibold },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  rags: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
});

/** The unit's review pack at a glance on its page: the last month's service levels, projects, requirements. */
export function UnitReviewSection({ unit }: { unit: BusinessUnit }) {
  const styles = useStyles();
  const { records } = useReviewRecords(unit.id);
  const summary = useMemo(() => {
    if (!records) return null;
    const month = [...new Set(records.serviceResults.map((r) => r.month))].sort().at(-1) ?? null;
    const verdicts = month
      ? performanceTable(records.serviceLevels, records.serviceResults, [month]).flatMap((r) =>
          Object.values(r.byMonth).map((j) => j.verdict),
        )
      : [];
    const running = records.projects.filter((p) => p.stage !== 'closed');
    const open = records.requirements.filter((r) => isRequirementOpen(r.status));
    return {
      month,
      missed: verdicts.filter((v) => v === 'missed').length,
      met: verdicts.filter((v) => v === 'met').length,
      running,
      open: open.length,
      awaiting: open.filter((r) => r.status === 'awaiting-decision').length,
    };
  }, [records]);
  const link = (tab: string) => `/review-pack/${unit.id}?tab=${tab}`;

  return (
    <Section title="Review pack">
      {summary ? (
        <div className={styles.grid}>
          <div className={styles.column}>
            <Text className={styles.heading}>Service performance</Text>
            <Text className={styles.figure}>
              {summary.month ? `${summary.met} met, ${summary.missed} missed` : 'No results yet'}
            </Text>
            {summary.month ? <Text className={styles.muted}>{monthLabel(summary.month)}</Text> : null}
            <AppLink to={link('performance')}>Open service performance</AppLink>
          </div>
          <div className={styles.column}>
            <Text className={styles.heading}>Ongoing projects</Text>
            <Text className={styles.figure}>{plural(summary.running.length, 'project')}</Text>
            <div className={styles.rags}>
              {summary.running.map((p) => {
                const rag = p.ragHistory.at(-1);
                return rag ? <RagBadge key={p.id} rag={rag.rag} size="small" /> : null;
              })}
            </div>
            <AppLink to={link('projects')}>Open the projects</AppLink>
          </div>
          <div className={styles.column}>
            <Text className={styles.heading}>Requirements and proposals</Text>
            <Text className={styles.figure}>{summary.open} open</Text>
            <Text className={styles.muted}>{summary.awaiting} awaiting a decision</Text>
            <AppLink to={link('requirements')}>Open the requirements</AppLink>
          </div>
        </div>
      ) : null}
    </Section>
  );
}
