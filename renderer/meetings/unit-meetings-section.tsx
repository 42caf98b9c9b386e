import { Button } from '@fluentui/react-components';
import { CalendarAdd20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MeetingSummary } from '../../shared/contract/meetings';
import type { BusinessUnit } from '../../shared/domain/customers';
import { todayOf } from '../../shared/domain/meeting-dates';
import { api } from '../platform/workbook-api';
import { EmptyText, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { MeetingsTable, splitMeetings } from './meetings-table';
import { PlanMeetingDialog } from './plan-meeting-dialog';

/** On a unit's page: its upcoming and past service reviews, and where to plan the next one. */
export function UnitMeetingsSection({ unit }: { unit: BusinessUnit }) {
  const navigate = useNavigate();
  const { notifyError } = useNotify();
  const [meetings, setMeetings] = useState<MeetingSummary[]>([]);
  const [planning, setPlanning] = useState(false);

  useEffect(() => {
    api.listMeetings({ unitId: unit.id }).then(setMeetings).catch(notifyError);
  }, [unit.id, notifyError]);

  const { upcoming, past } = splitMeetings(meetings, todayOf());
  return (
    <Section
      title="Service review meetings"
      actions={
        <Button appearance="primary" icon={<CalendarAdd20Regular />} onClick={() => setPlanning(true)}>
          Plan meeting
        </Button>
      }
    >
      {upcoming.length ? (
        <MeetingsTable label="Upcoming meetings" meetings={upcoming} />
      ) : (
        <EmptyText>No meeting planned with {unit.name}.</EmptyText>
      )}
      {past.length ? <MeetingsTable label="Past meetings" meetings={past} /> : null}
      <PlanMeetingDialog
        open={planning}
        unitId={unit.id}
        onClose={() => setPlanning(false)}
        onSaved={(id) => navigate(`/meetings/${id}`)}
      />
    </Section>
  );
}
