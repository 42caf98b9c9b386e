import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Outcome } from '../../shared/domain/outcomes';
import { api } from '../platform/workbook-api';
import { AppLink } from '../ui/app-link';
import { useLoad } from '../ui/use-load';
import { Section } from '../ui/page';
import { OutcomeCard } from './outcome-card';
import { RecordValueDialog } from './record-value-dialog';
import { useMeetingLabels } from './use-meeting-labels';

/** In a meeting: the unit's business outcomes, each value recorded here being reported in this meeting. */
export function MeetingOutcomes({ meeting }: { meeting: { id: string; unitId: string } }) {
  const { data, reload } = useLoad(() => api.listOutcomes({ unitId: meeting.unitId }), [meeting.unitId]);
  const meetingLabel = useMeetingLabels(meeting.unitId);
  const [recording, setRecording] = useState<Outcome | null>(null);
  if (!data || data.length === 0) return null;
  return (
    <Section title="Business outcomes">
      <Text>
        Values reported in this meeting are recorded with it.{' '}
        <AppLink to={`/outcomes?unitId=${meeting.unitId}`}>All outcomes of the unit</AppLink>
      </Text>
      {data.map((o) => (
        <OutcomeCard key={o.id} outcome={o} meetingLabel={meetingLabel} onRecord={() => setRecording(o)} />
      ))}
      <RecordValueDialog
        outcome={recording}
        meetingId={meeting.id}
        onClose={() => setRecording(null)}
        onSaved={() => void reload()}
      />
    </Section>
  );
}
