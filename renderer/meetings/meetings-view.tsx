import { Button, Spinner } from '@fluentui/react-components';
import { CalendarAdd20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { MEETING_KINDS, type MeetingKind } from '../../shared/domain/meetings';
import type { MeetingSummary } from '../../shared/contract/meetings';
import { todayOf } from '../../shared/domain/meeting-dates';
import { api } from '../platform/workbook-api';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { MeetingsTable, splitMeetings } from './meetings-table';
import { PlanMeetingDialog } from './plan-meeting-dialog';

const RECENT = 20;

/** Sidebar "Meetings": what is coming up and what was held recently, across every unit. */
export function MeetingsView() {
  const navigate = useNavigate();
  const { notifyError } = useNotify();
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [planning, setPlanning] = useState(false);
  const planned = useRef(false);
  // `#/meetings/plan?unitId=…&kind=adhoc&trigger=…` opens the planner prefilled (from a serious complaint).
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const presetKind = params.get('kind') as MeetingKind | null;
  const preset =
    pathname === '/meetings/plan' && presetKind && MEETING_KINDS.includes(presetKind)
      ? { kind: presetKind, trigger: params.get('trigger') ?? '' }
      : undefined;
  useEffect(() => {
    if (pathname === '/meetings/plan') setPlanning(true);
  }, [pathname]);

  useEffect(() => {
    api.listMeetings({ unitId: null }).then(setMeetings).catch(notifyError);
  }, [notifyError]);

  const { upcoming, past } = splitMeetings(meetings ?? [], todayOf());
  return (
    <Page label="Meetings">
      <PageHeader
        title="Meetings"
        subtitle="Service reviews with the business units you serve: annual, periodic and ad hoc."
        actions={
          <Button appearance="primary" icon={<CalendarAdd20Regular />} onClick={() => setPlanning(true)}>
            Plan meeting
          </Button>
        }
      />
      {meetings === null ? (
        <Spinner label="Loading meetings…" />
      ) : (
        <>
          <Section title="Upcoming">
            {upcoming.length ? (
              <MeetingsTable label="Upcoming meetings" meetings={upcoming} showUnit />
            ) : (
              <EmptyText>
                No meetings planned. Plan the next review from here or from a unit&apos;s page.
              </EmptyText>
            )}
          </Section>
          <Section title="Recent">
            {past.length ? (
              <MeetingsTable label="Recent meetings" meetings={past.slice(0, RECENT)} showUnit />
            ) : (
              <EmptyText>No meetings held yet.</EmptyText>
            )}
          </Section>
        </>
      )}
      <PlanMeetingDialog
        open={planning}
        unitId={preset ? (params.get('unitId') ?? undefined) : undefined}
        preset={preset}
        onClose={() => {
          setPlanning(false);
          // Cancelled from the prefilled route: leave it, so a reload does not reopen the planner.
          if (!planned.current && pathname === '/meetings/plan') navigate('/meetings', { replace: true });
        }}
        onSaved={(id) => {
          planned.current = true;
          navigate(`/meetings/${id}`);
        }}
      />
    </Page>
  );
}
