import {
  Button,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, TextBulletListSquareEdit20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { lineChart, type LineSeries } from '../../shared/charts/line-chart';
import {
  quarterMiddle,
  quarterlySatisfaction,
  surveyAverage,
  unitSatisfaction,
  type SatisfactionSummary,
} from '../../shared/domain/register-rules';
import type { Survey, SurveyQuestion } from '../../shared/domain/registers';
import { SCREEN_THEME, SvgChart } from '../ui/svg-chart';
import { api } from '../platform/workbook-api';
import { formatChange, formatDate, formatScore, plural } from '../ui/format';
import { StatTile, toneOfChange } from '../ui/stat-tile';
import { UnitFilter, useUnitName, useUnitScope } from '../ui/unit-filter';
import { useLoad } from '../ui/use-load';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { QuestionsDialog } from './questions-dialog';
import { SurveyDialog } from './survey-dialog';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  comment: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', justifyContent: 'flex-end' },
  questionRow: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 160px 40px',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    paddingBlock: tokens.spacingVerticalXXS,
  },
  track: {
    height: '8px',
    borderRadius: '4px',
    backgroundColor: tokens.colorNeutralBackground4,
    overflow: 'hidden',
  },
  fill: { height: '100%', borderRadius: '4px', backgroundColor: tokens.colorBrandBackground },
});

const ALL_UNITS = 'All units (quarterly average)';

export function SatisfactionView() {
  const styles = useStyles();
  const { notify } = useNotify();
  const [unitId, setUnitId] = useUnitScope();
  const unitName = useUnitName();
  const [editing, setEditing] = useState<Survey | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Survey | null>(null);
  const [editingQuestions, setEditingQuestions] = useState(false);
  const surveys = useLoad(() => api.listSurveys({ unitId: null }), []);
  const settings = useLoad(() => api.getRegisterSettings({}), []);
  const questions = settings.data?.surveyQuestions ?? [];

  const all = useMemo(() => surveys.data ?? [], [surveys.data]);
  const inScope = useMemo(() => all.filter((s) => !unitId || s.unitId === unitId), [all, unitId]);
  const byUnit = useMemo(() => {
    const map = new Map<string, Survey[]>();
    for (const s of all) map.set(s.unitId, [...(map.get(s.unitId) ?? []), s]);
    return [...map.entries()]
      .map(([id, list]) => ({ unitId: id, summary: unitSatisfaction(list), count: list.length }))
      .sort((a, b) => unitName(a.unitId).localeCompare(unitName(b.unitId)));
  }, [all, unitName]);

  const summary: SatisfactionSummary = unitId ? unitSatisfaction(inScope) : quarterlySatisfaction(all);
  const series: LineSeries[] = unitId
    ? [{ name: unitName(unitId), points: summary.points.map((p) => ({ x: p.date, y: p.average })) }]
    : [
        {
          name: ALL_UNITS,
          emphasis: true,
          points: summary.points.map((p) => ({
            x: quarterMiddle(p.date),
            y: p.average,
            label: `${p.label}: ${formatScore(p.average)} (${plural(p.count, 'survey')})`,
          })),
        },
        ...byUnit.map((u) => ({
          name: unitName(u.unitId),
          points: u.summary.points.map((p) => ({ x: p.date, y: p.average })),
        })),
      ];
  const chart = lineChart(
    series,
    {
      title: unitId ? `Satisfaction trend of ${unitName(unitId)}` : 'Satisfaction trend, all units',
      width: 960,
      height: 280,
      yDomain: [1, 5],
      endLabels: Boolean(unitId),
      emptyText: 'No surveys recorded yet',
    },
    SCREEN_THEME,
  );
  const latestSurvey = unitId ? [...inScope].sort((a, b) => a.date.localeCompare(b.date)).at(-1) : undefined;

  return (
    <Page label="Customer satisfaction">
      <PageHeader
        title="Customer satisfaction"
        subtitle="Survey results per unit and across units, with the trend and the change since the previous result."
        actions={
          <>
            <Button appearance="primary" icon={<Add20Regular />} onClick={() => setEditing('new')}>
              Record survey
            </Button>
            <Button icon={<TextBulletListSquareEdit20Regular />} onClick={() => setEditingQuestions(true)}>
              Edit questions
            </Button>
          </>
        }
      />
      <div className={styles.toolbar}>
        <UnitFilter unitId={unitId} onChange={setUnitId} />
      </div>
      <div className={styles.tiles}>
        <StatTile
          label="Latest result"
          value={formatScore(summary.latest?.average)}
          of="/ 5"
          detail={
            summary.latest
              ? unitId
                ? `Survey of ${formatDate(summary.latest.date)}`
                : `${summary.latest.label}, ${plural(summary.latest.count, 'survey')}`
              : 'No survey yet'
          }
        />
        <StatTile
          label="Change"
          value={summary.change === null ? '—' : formatChange(summary.change)}
          tone={toneOfChange(summary.change)}
          detail={
            summary.previous
              ? `Against ${formatScore(summary.previous.average)} ${unitId ? `on ${formatDate(summary.previous.date)}` : `in ${summary.previous.label}`}`
              : 'Needs two results'
          }
        />
        <StatTile
          label="Surveys"
          value={inScope.length}
          detail={unitId ? unitName(unitId) : `${plural(byUnit.length, 'unit')} surveyed`}
        />
      </div>
      <Section title="Trend">
        <SvgChart tree={chart} />
      </Section>
      {unitId && latestSurvey ? (
        <Section title="Latest survey by question">
          <LatestByQuestion survey={latestSurvey} questions={questions} />
        </Section>
      ) : null}
      {!unitId && byUnit.length ? (
        <Section title="Latest result per unit">
          <Table aria-label="Latest result per unit" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Unit</TableHeaderCell>
                <TableHeaderCell style={{ width: 140 }}>Latest survey</TableHeaderCell>
                <TableHeaderCell style={{ width: 100 }}>Result</TableHeaderCell>
                <TableHeaderCell style={{ width: 160 }}>Change</TableHeaderCell>
                <TableHeaderCell style={{ width: 100 }}>Surveys</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {byUnit.map((u) => (
                <TableRow key={u.unitId}>
                  <TableCell>
                    <Link as="button" onClick={() => setUnitId(u.unitId)}>
                      {unitName(u.unitId)}
                    </Link>
                  </TableCell>
                  <TableCell>{formatDate(u.summary.latest?.date ?? null)}</TableCell>
                  <TableCell className={styles.strong}>{formatScore(u.summary.latest?.average)}</TableCell>
                  <TableCell>
                    <ChangeText change={u.summary.change} />
                  </TableCell>
                  <TableCell>{u.count}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      ) : null}
      <Section title="Surveys">
        {inScope.length ? (
          <Table aria-label="Surveys" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: 120 }}>Date</TableHeaderCell>
                <TableHeaderCell style={{ width: 220 }}>Respondent</TableHeaderCell>
                <TableHeaderCell style={{ width: 90 }}>Result</TableHeaderCell>
                <TableHeaderCell>Comment</TableHeaderCell>
                <TableHeaderCell style={{ width: 84 }}>
                  <span className="visually-hidden">Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...inScope]
                .sort((a, b) => b.date.localeCompare(a.date))
                .map((s) => {
                  const label = `survey of ${formatDate(s.date)} by ${s.respondentName}`;
                  return (
                    <TableRow key={s.id} aria-label={label}>
                      <TableCell>{formatDate(s.date)}</TableCell>
                      <TableCell>
                        <div className={styles.strong}>{s.respondentName}</div>
                        {unitId ? null : <div className={styles.sub}>{unitName(s.unitId)}</div>}
                      </TableCell>
                      <TableCell className={styles.strong}>{formatScore(surveyAverage(s))}</TableCell>
                      <TableCell className={styles.comment}>{s.comment}</TableCell>
                      <TableCell>
                        <div className={styles.actions}>
                          <EditDeleteButtons
                            name={label}
                            onEdit={() => setEditing(s)}
                            onDelete={() => setDeleting(s)}
                          />
                        </div>
                      </TableCell>
                    </TableRow>
                  );
                })}
            </TableBody>
          </Table>
        ) : surveys.data ? (
          <EmptyText>No surveys recorded{unitId ? ` for ${unitName(unitId)}` : ''} yet.</EmptyText>
        ) : null}
      </Section>
      <SurveyDialog
        open={editing !== null}
        survey={editing === 'new' || editing === null ? undefined : editing}
        questions={questions}
        defaultUnitId={unitId}
        onClose={() => setEditing(null)}
        onSaved={() => void surveys.reload()}
      />
      <QuestionsDialog
        open={editingQuestions}
        questions={questions}
        onClose={() => setEditingQuestions(false)}
        onSaved={() => void settings.reload()}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this survey?"
        confirmLabel="Delete survey"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.deleteSurvey({ unitId: deleting.unitId, id: deleting.id });
          notify('Deleted the survey');
          await surveys.reload();
        }}
      >
        Its scores leave the results and the trend.
      </ConfirmDialog>
    </Page>
  );
}

function ChangeText({ change }: { change: number | null }) {
  const tone = toneOfChange(change);
  if (change === null) return <Text>—</Text>;
  return (
    <Text
      style={{
        color:
          tone === 'good'
            ? tokens.colorPaletteGreenForeground1
            : tone === 'bad'
              ? tokens.colorPaletteRedForeground1
              : undefined,
      }}
    >
      {formatChange(change)}
    </Text>
  );
}

function LatestByQuestion({ survey, questions }: { survey: Survey; questions: readonly SurveyQuestion[] }) {
  const styles = useStyles();
  const text = new Map(questions.map((q) => [q.id, q.text]));
  const rows = Object.entries(survey.scores).sort(
    ([a], [b]) => questions.findIndex((q) => q.id === a) - questions.findIndex((q) => q.id === b),
  );
  return (
    <div role="list" aria-label="Scores of the latest survey">
      <Text className={styles.sub}>
        {formatDate(survey.date)} · {survey.respondentName}
      </Text>
      {rows.map(([id, score]) => (
        <div key={id} role="listitem" className={styles.questionRow}>
          <Text>{text.get(id) ?? 'A question no longer in the questionnaire'}</Text>
          <div className={styles.track} aria-hidden>
            <div className={styles.fill} style={{ width: `${(score / 5) * 100}%` }} />
          </div>
          <Text className={styles.strong}>{score}</Text>
        </div>
      ))}
    </div>
  );
}
