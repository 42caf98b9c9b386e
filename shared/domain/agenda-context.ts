import { subMonths } from 'date-fns';
import type { IsoDate } from './common';
import type { AgendaItem, Meeting } from './meetings';
import {
  inRange,
  nextTwelveMonths,
  parseIsoDate,
  surveyAverage,
  toIsoDate,
  type DateRange,
} from './register-rules';
import { isAgreementInForce, isOpenComplaint, type Agreement, type Feedback, type Survey } from './registers';
import {
  outcomesChangedIn,
  outcomesForAnnualReview,
  outcomeStanding,
  type Outcome,
  type OutcomeStanding,
} from './outcomes';

/**
 * What the registers bring to a meeting's agenda (seed 004): a periodic review discusses the complaints and
 * compliments of its period and the latest satisfaction results; an annual review renegotiates the
 * agreements whose review or end falls in the coming twelve months; an ad hoc review (often called for a
 * serious complaint) has the open complaints in front of it.
 */
export type AgendaTopic = 'feedback' | 'satisfaction' | 'agreements' | 'outcomes';

export interface SurveyResult {
  survey: Survey;
  average: number;
}

export type AgendaContextSection =
  | {
      topic: 'feedback';
      title: string;
      /** The period under review, or null for an ad hoc meeting's open complaints. */
      period: DateRange | null;
      complaints: Feedback[];
      compliments: Feedback[];
    }
  | {
      topic: 'satisfaction';
      title: string;
      latest: SurveyResult | null;
      previous: SurveyResult | null;
      change: number | null;
    }
  | {
      topic: 'agreements';
      title: string;
      window: DateRange;
      agreements: Array<{
        agreement: Agreement;
        /** The dates that put it on the agenda: review and/or end in the window, or a review overdue. */
        reasons: Array<{ reason: 'review' | 'end' | 'review-overdue'; date: IsoDate }>;
      }>;
    }
  | {
      /** Value realisation: the annual review's outcomes due or off track; a periodic one's changed ones. */
      topic: 'outcomes';
      title: string;
      outcomes: Array<{ outcome: Outcome; standing: OutcomeStanding }>;
    };

export interface UnitRegisterRecords {
  agreements: readonly Agreement[];
  feedback: readonly Feedback[];
  surveys: readonly Survey[];
  /** Absent in records from before value realisation: no outcomes. */
  outcomes?: readonly Outcome[];
}

type MeetingForContext = Pick<Meeting, 'unitId' | 'kind' | 'date' | 'periodStart' | 'periodEnd'>;

/** A periodic meeting's period: as planned, or else the calendar month before the meeting. */
export function meetingPeriod(meeting: MeetingForContext): DateRange {
  if (meeting.periodStart && meeting.periodEnd) return { from: meeting.periodStart, to: meeting.periodEnd };
  const monthBefore = subMonths(parseIsoDate(meeting.date), 1);
  const from = `${toIsoDate(monthBefore).slice(0, 7)}-01`;
  const to = toIsoDate(new Date(monthBefore.getFullYear(), monthBefore.getMonth() + 1, 0));
  return { from, to };
}

const byDate = <T extends { date: IsoDate; createdAt: string }>(a: T, b: T) =>
  a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt);

function feedbackSection(meeting: MeetingForContext, records: UnitRegisterRecords): AgendaContextSection {
  const own = records.feedback.filter((f) => f.unitId === meeting.unitId);
  if (meeting.kind === 'adhoc') {
    return {
      topic: 'feedback',
      title: 'Open complaints',
      period: null,
      complaints: own.filter(isOpenComplaint).sort(byDate),
      compliments: [],
    };
  }
  const period = meetingPeriod(meeting);
  const inPeriod = own.filter((f) => inRange(f.date, period)).sort(byDate);
  return {
    topic: 'feedback',
    title: 'Complaints and compliments in the period',
    period,
    complaints: inPeriod.filter((f) => f.kind === 'complaint'),
    compliments: inPeriod.filter((f) => f.kind === 'compliment'),
  };
}

function satisfactionSection(meeting: MeetingForContext, records: UnitRegisterRecords): AgendaContextSection {
  // Only what was known on the meeting day: a later survey must not appear in an old meeting's record.
  const results = records.surveys
    .filter((s) => s.unitId === meeting.unitId && s.date <= meeting.date)
    .sort(byDate)
    .flatMap((survey) => {
      const average = surveyAverage(survey);
      return average === null ? [] : [{ survey, average }];
    });
  const latest = results.at(-1) ?? null;
  const previous = results.at(-2) ?? null;
  return {
    topic: 'satisfaction',
    title: 'Latest customer satisfaction',
    latest,
    previous,
    change: latest && previous ? Math.round((latest.average - previous.average) * 100) / 100 : null,
  };
}

function agreementsSection(meeting: MeetingForContext, records: UnitRegisterRecords): AgendaContextSection {
  const window = nextTwelveMonths(meeting.date);
  const agreements = records.agreements
    .filter((a) => a.unitId === meeting.unitId && a.status !== 'expired')
    .map((agreement) => {
      const reasons: Array<{ reason: 'review' | 'end' | 'review-overdue'; date: IsoDate }> = [];
      if (agreement.reviewDate && inRange(agreement.reviewDate, window))
        reasons.push({ reason: 'review', date: agreement.reviewDate });
      else if (
        agreement.reviewDate &&
        agreement.reviewDate < window.from &&
        isAgreementInForce(agreement.status)
      )
        reasons.push({ reason: 'review-overdue', date: agreement.reviewDate });
      if (agreement.endDate && inRange(agreement.endDate, window))
        reasons.push({ reason: 'end', date: agreement.endDate });
      return { agreement, reasons };
    })
    .filter((x) => x.reasons.length > 0)
    .sort((a, b) => (a.reasons[0]?.date ?? '').localeCompare(b.reasons[0]?.date ?? ''));
  return {
    topic: 'agreements',
    title: 'Agreements to review or renew in the coming twelve months',
    window,
    agreements,
  };
}

function outcomesSection(
  meeting: MeetingForContext,
  records: UnitRegisterRecords,
): AgendaContextSection | null {
  const own = (records.outcomes ?? []).filter((o) => o.unitId === meeting.unitId);
  if (own.length === 0) return null;
  if (meeting.kind === 'annual') {
    return {
      topic: 'outcomes',
      title: 'Business outcomes due or off track',
      outcomes: outcomesForAnnualReview(own, meeting.date).map(({ outcome, standing }) => ({
        outcome,
        standing,
      })),
    };
  }
  return {
    topic: 'outcomes',
    title: 'Business outcomes measured in the period',
    outcomes: outcomesChangedIn(own, meetingPeriod(meeting)).map((outcome) => ({
      outcome,
      standing: outcomeStanding(outcome, meeting.date),
    })),
  };
}

/** The register material for a meeting of `meeting.unitId`, in the order it is discussed. */
export function agendaContext(
  meeting: MeetingForContext,
  records: UnitRegisterRecords,
): AgendaContextSection[] {
  switch (meeting.kind) {
    case 'periodic':
      return withOutcomes(
        [feedbackSection(meeting, records), satisfactionSection(meeting, records)],
        meeting,
        records,
      );
    case 'annual':
      return withOutcomes([agreementsSection(meeting, records)], meeting, records);
    case 'adhoc':
      return [feedbackSection(meeting, records)];
  }
}

/** A unit without outcomes gets no outcomes section: most units start without any. */
function withOutcomes(
  sections: AgendaContextSection[],
  meeting: MeetingForContext,
  records: UnitRegisterRecords,
): AgendaContextSection[] {
  const outcomes = outcomesSection(meeting, records);
  return outcomes ? [...sections, outcomes] : sections;
}

const TOPIC_PATTERNS: Record<AgendaTopic, RegExp> = {
  feedback: /complain|compliment/i,
  satisfaction: /satisf/i,
  agreements: /agreement|service level|\bSLA/i,
  outcomes: /outcome|value|benefit/i,
};

/**
 * The agenda item a section belongs under (seed 004's "Complaints and compliments", "Customer
 * satisfaction", "Changes to service level agreements"), or null to show it on its own.
 */
export function agendaItemForTopic(topic: AgendaTopic, items: readonly AgendaItem[]): AgendaItem | null {
  return items.find((item) => TOPIC_PATTERNS[topic].test(item.title)) ?? null;
}
