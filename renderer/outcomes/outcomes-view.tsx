import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, DocumentText20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Outcome } from '../../shared/domain/outcomes';
import { api } from '../platform/workbook-api';
import { plural } from '../ui/format';
import { UnitFilter, useUnitName, useUnitScope } from '../ui/unit-filter';
import { useLoad } from '../ui/use-load';
import { useSavedFileNotice } from '../app/feature-parts';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { OutcomeCard } from './outcome-card';
import { OutcomeDialog } from './outcome-dialog';
import { RecordValueDialog } from './record-value-dialog';
import { useMeetingLabels } from './use-meeting-labels';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Value realisation: per unit, the business outcomes the IT work should deliver, measured over time. */
export function OutcomesView() {
  const styles = useStyles();
  const [unitId, setUnitId] = useUnitScope();
  const unitName = useUnitName();
  const { data, error, reload } = useLoad(() => api.listOutcomes({ unitId }), [unitId]);
  const meetingLabel = useMeetingLabels(unitId);
  const [editing, setEditing] = useState<Outcome | 'new' | null>(null);
  const [recording, setRecording] = useState<Outcome | null>(null);
  const [exporting, setExporting] = useState(false);
  const saved = useSavedFileNotice();
  const { notifyError } = useNotify();
  const units = [...new Set((data ?? []).map((o) => o.unitId))];

  const exportReport = () => {
    setExporting(true);
    api
      .exportValueReport({ unitId })
      .then((doc) => saved(doc, 'Value realised'))
      .catch(notifyError)
      .finally(() => setExporting(false));
  };

  return (
    <Page label="Value realisation">
      <PageHeader
        title="Value realisation"
        subtitle="The business outcomes the IT work should deliver: baseline, target, and what was measured since."
        actions={
          <>
            <Button icon={<DocumentText20Regular />} disabled={exporting} onClick={exportReport}>
              Export to Word
            </Button>
            <Button
              appearance="primary"
              icon={<Add20Regular />}
              disabled={!unitId}
              title={unitId ? undefined : 'Choose a business unit first'}
              onClick={() => setEditing('new')}
            >
              New outcome
            </Button>
          </>
        }
      />
      <div className={styles.toolbar}>
        <UnitFilter unitId={unitId} onChange={setUnitId} />
        {data ? <Text className={styles.muted}>{plural(data.length, 'outcome')}</Text> : null}
      </div>
      {error ? <Text>{error}</Text> : null}
      {data && data.length === 0 ? (
        <Section title="Business outcomes">
          <EmptyText>
            {unitId ? 'No outcomes recorded for this unit yet.' : 'Choose a unit to add its first outcome.'}
          </EmptyText>
        </Section>
      ) : null}
      {units.map((id) => (
        <Section key={id} title={`Outcomes of ${unitName(id)}`}>
          {(data ?? [])
            .filter((o) => o.unitId === id)
            .map((o) => (
              <OutcomeCard
                key={o.id}
                outcome={o}
                meetingLabel={meetingLabel}
                onRecord={() => setRecording(o)}
                onEdit={() => setEditing(o)}
              />
            ))}
        </Section>
      ))}
      <OutcomeDialog
        open={editing !== null}
        unitId={editing && editing !== 'new' ? editing.unitId : (unitId ?? '')}
        outcome={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => void reload()}
      />
      <RecordValueDialog
        outcome={recording}
        onClose={() => setRecording(null)}
        onSaved={() => void reload()}
      />
    </Page>
  );
}
