import type { MeetingKind } from './meetings';

/**
 * The agenda templates BRM Workbook ships with, from seed 004 ("Service Review Meetings", "Annual",
 * "Periodic", "Ad Hoc"). Every review covers the seed's minimum agenda; annual and periodic reviews add
 * their own focus, and an ad hoc review opens with its reason and closes with the way forward. The user may edit them and restore them to these defaults.
 */
export interface BuiltInTemplate {
  key: string;
  /** Stable id, so meetings planned from a built-in still name it after a restore. */
  id: string;
  name: string;
  kind: MeetingKind;
  items: ReadonlyArray<{ title: string; guidance: string }>;
}

const strategies = {
  title: 'Business strategies and drivers',
  guidance:
    'What is changing in the business: strategy, plans, priorities and the drivers behind them. What does it mean for the IT services the unit relies on?',
};
const requirements = {
  title: 'New or changed service requirements',
  guidance:
    'Identify new service requirements and changes to existing ones. Record who asked, why, and by when it is needed.',
};
const deliveredServices = {
  title: 'New or changed services delivered',
  guidance:
    'Review services being created or recently delivered: do they meet the requirements originally stated? Note gaps to follow up.',
};
const performance = {
  title: 'Service performance',
  guidance: 'How the services performed, against the targets agreed in the service level agreements.',
};
const complaints = {
  title: 'Complaints and compliments',
  guidance:
    'Complaints received and how they were resolved (root cause found, not to be repeated); compliments, and to whom they were passed on.',
};
const satisfaction = {
  title: 'Customer satisfaction',
  guidance: 'Results and trend of satisfaction measurements since the last review, and what they ask of IT.',
};

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  {
    key: 'annual',
    id: 'builtin-annual',
    name: 'Annual service review',
    kind: 'annual',
    items: [
      strategies,
      {
        title: 'Changes in business needs and circumstances',
        guidance:
          'A reflective look at the year ahead: how business needs and circumstances have changed or will change.',
      },
      {
        title: 'Scope of the current service',
        guidance: 'Changes that may be required to the scope of the services currently delivered.',
      },
      {
        title: 'Service level agreements and targets',
        guidance:
          'Changes required to service level agreements (or similar agreements): re-defining or re-negotiating service targets.',
      },
      requirements,
      deliveredServices,
      performance,
      complaints,
      satisfaction,
    ],
  },
  {
    key: 'periodic',
    id: 'builtin-periodic',
    name: 'Periodic service review',
    kind: 'periodic',
    items: [
      {
        title: 'Service delivery performance against targets',
        guidance:
          'Review service delivery in the period, in particular against the targets in the service level agreements.',
      },
      {
        title: 'Significant achievements and issues in the period',
        guidance:
          'Achievements and issues in the period under review, e.g. major incidents: how they were handled and the lessons identified. Consider inviting the Major Incident Manager.',
      },
      {
        title: 'Ongoing actions and plans',
        guidance:
          'Plans in progress and their status; updates on actions from previous meetings are recorded under "Actions from previous meetings".',
      },
      strategies,
      requirements,
      deliveredServices,
      complaints,
      satisfaction,
    ],
  },
  {
    key: 'adhoc',
    id: 'builtin-adhoc',
    name: 'Ad hoc service review',
    kind: 'adhoc',
    items: [
      {
        title: 'Reason for the meeting',
        guidance:
          'Why this review was called outside the schedule: a new requirement proposed between reviews, a serious complaint, or another process that needs the input of the business. Spend the meeting on the items below that the reason calls for.',
      },
      strategies,
      requirements,
      deliveredServices,
      performance,
      complaints,
      satisfaction,
      {
        title: 'Agreed way forward',
        guidance: 'What was agreed, who does what, and when the business hears back.',
      },
    ],
  },
];
