import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, TextBulletListSquareEdit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Survey, SurveyQuestion } from '../../shared/domain/registers';
import { api } from '../platform/workbook-api';
import { formatDate } from '../ui/format';
import { UnitFilter, useUnitName, useUnitScope } from '../ui/unit-filter';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { QuestionsDialog } from './questions-dialog';
import { SatisfactionTiles, SatisfactionTrend } from './satisfaction-summary';
import { SurveyDialog } from './survey-dialog';
import { SurveysTable, UnitResultsTable } from './survey-tables';
import { useSatisfaction } from './use-satisfaction';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  strong: { fontWeight: tokens.fontWeightSemibold },
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

export function SatisfactionView() {
  const styles = useStyles();
  const { notify } = useNotify();
  const [unitId, setUnitId] = useUnitScope();
  const unitName = useUnitName();
  const [editing, setEditing] = useState<Survey | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Survey | null>(null);
  const [editingQuestions, setEditingQuestions] = useState(false);
  const { surveys, settings, questions, inScope, byUnit, summary, latestSurvey } = useSatisfaction(unitId);

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
      <SatisfactionTiles unitId={unitId} summary={summary} byUnit={byUnit} surveyCount={inScope.length} />
      <Section title="Trend">
        <SatisfactionTrend unitId={unitId} summary={summary} byUnit={byUnit} />
      </Section>
      {unitId && latestSurvey ? (
        <Section title="Latest survey by question">
          <LatestByQuestion survey={latestSurvey} questions={questions} />
        </Section>
      ) : null}
      {!unitId && byUnit.length ? (
        <Section title="Latest result per unit">
          <UnitResultsTable byUnit={byUnit} onChooseUnit={setUnitId} />
        </Section>
      ) : null}
      <Section title="Surveys">
        {inScope.length ? (
          <SurveysTable surveys={inScope} unitId={unitId} onEdit={setEditing} onDelete={setDeleting} />
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
