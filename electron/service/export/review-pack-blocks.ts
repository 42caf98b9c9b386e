/**
 * The review pack in the agenda pre-read and the minutes: under each agenda item, the tables the pack
 * places there (service performance met/missed, major incidents, project RAG changes, open
 * requirements, complaints and compliments, satisfaction), each followed by the BRM's comment. Kept
 * apart from the minutes and agenda builders, which only ask for the blocks of an item.
 */
import type { Paragraph, Table } from 'docx';
import type { AgendaContextSection } from '../../../shared/domain/agenda-context';
import { OUTCOME_STANDING_LABELS, valueSeries } from '../../../shared/domain/outcomes';
import {
  PROJECT_STAGE_LABELS,
  RAG_LABELS,
  REQUIREMENT_KIND_LABELS,
  REQUIREMENT_STATUS_LABELS,
} from '../../../shared/domain/review-pack';
import type { RagEntry } from '../../../shared/domain/review-pack';
import {
  isEmptySection,
  sectionsUnder,
  unplacedSections,
  type PackSection,
  type ReviewPack,
} from '../../../shared/domain/review-pack-assembly';
import {
  VERDICT_LABELS,
  describeTarget,
  formatValue,
  monthLabel,
} from '../../../shared/domain/service-levels';
import { COLOURS, STYLES, dataTable, paragraph, run, textBlock, type CellValue } from './docx-kit';
import type { DocumentFrame } from './meeting-document';

type Block = Paragraph | Table;

/** Months side by side up to a quarter; a longer period (an annual review) is summarised per level. */
const MAX_MONTH_COLUMNS = 3;

const verdictCell = (value: string, met: boolean): CellValue => [
  paragraph(
    [
      run(value),
      run(`  ${VERDICT_LABELS[met ? 'met' : 'missed']}`, {
        bold: true,
        color: met ? '0E7A0B' : COLOURS.overdue,
      }),
    ],
    { style: STYLES.tableText },
  ),
];

const ragText = (before: RagEntry | null, current: RagEntry | null) =>
  [
    before && before.rag !== current?.rag ? `${RAG_LABELS[before.rag]} → ` : '',
    current ? RAG_LABELS[current.rag] : '—',
  ].join('');

function performance(
  section: Extract<PackSection, { key: 'service-performance' }>,
  frame: DocumentFrame,
): Block[] {
  if (section.rows.length === 0) return [note('No service results were recorded for the period.')];
  const summary = paragraph(`${section.met} met, ${section.missed} missed against the agreed targets.`);
  const levelCell = (r: (typeof section.rows)[number]) => `${r.level.service} — ${r.level.metric}`;
  if (section.months.length <= MAX_MONTH_COLUMNS) {
    const share = 0.45 / section.months.length;
    return [
      summary,
      dataTable(
        frame.page,
        [
          { header: 'Service level', share: 0.38 },
          { header: 'Target', share: 0.17 },
          ...section.months.map((m) => ({ header: monthLabel(m), share })),
        ],
        section.rows.map((r) => [
          levelCell(r),
          describeTarget(r.level),
          ...section.months.map((m) => {
            const j = r.byMonth[m];
            return j ? verdictCell(formatValue(j.achieved, j.level.unit), j.verdict === 'met') : '—';
          }),
        ]),
      ),
    ];
  }
  return [
    summary,
    dataTable(
      frame.page,
      [
        { header: 'Service level', share: 0.38 },
        { header: 'Target', share: 0.16 },
        { header: 'Months met', share: 0.14 },
        { header: 'Months missed', share: 0.14 },
        { header: 'Latest', share: 0.18 },
      ],
      section.rows.map((r) => {
        const results = Object.values(r.byMonth).sort((a, b) => a.month.localeCompare(b.month));
        const latest = results.at(-1);
        return [
          levelCell(r),
          describeTarget(r.level),
          String(results.filter((j) => j.verdict === 'met').length),
          String(results.filter((j) => j.verdict === 'missed').length),
          latest
            ? verdictCell(
                `${formatValue(latest.achieved, latest.level.unit)} (${monthLabel(latest.month)})`,
                latest.verdict === 'met',
              )
            : '—',
        ];
      }),
    ),
  ];
}

function registerContext(context: AgendaContextSection, frame: DocumentFrame): Block[] {
  switch (context.topic) {
    case 'feedback': {
      const items = [...context.complaints, ...context.compliments];
      if (items.length === 0) return [note('No complaints or compliments were recorded.')];
      return [
        dataTable(
          frame.page,
          [
            { header: 'Kind', share: 0.13 },
            { header: 'Date', share: 0.14 },
            { header: 'From', share: 0.18 },
            { header: 'About', share: 0.18 },
            { header: 'What was said', share: 0.37 },
          ],
          items.map((f) => [
            f.kind === 'complaint' ? 'Complaint' : 'Compliment',
            frame.dates.short(f.date),
            f.fromName,
            f.aboutName,
            f.description,
          ]),
        ),
      ];
    }
    case 'satisfaction': {
      const { latest, change } = context;
      if (!latest) return [note('No satisfaction survey has been recorded yet.')];
      const delta =
        change === null ? '' : ` (${change > 0 ? '+' : ''}${change.toFixed(1)} against the survey before)`;
      return [
        paragraph(
          `Latest result: ${latest.average.toFixed(1)} of 5, on ${frame.dates.short(latest.survey.date)} from ${latest.survey.respondentName}${delta}.`,
        ),
      ];
    }
    case 'agreements':
      if (context.agreements.length === 0) return [note('No agreement is due for review or renewal.')];
      return [
        dataTable(
          frame.page,
          [
            { header: 'Agreement', share: 0.5 },
            { header: 'Due', share: 0.5 },
          ],
          context.agreements.map(({ agreement, reasons }) => [
            agreement.title,
            reasons
              .map(
                (r) =>
                  `${r.reason === 'end' ? 'Ends' : r.reason === 'review' ? 'Review' : 'Review overdue since'} ${frame.dates.short(r.date)}`,
              )
              .join('\n'),
          ]),
        ),
      ];
    case 'outcomes':
      if (context.outcomes.length === 0) return [note('No business outcomes to report.')];
      return [
        dataTable(
          frame.page,
          [
            { header: 'Outcome', share: 0.34 },
            { header: 'Target', share: 0.22 },
            { header: 'Latest', share: 0.22 },
            { header: 'Standing', share: 0.22 },
          ],
          context.outcomes.map(({ outcome, standing }) => {
            const latest = valueSeries(outcome)
              .filter((p) => p.kind === 'measured')
              .at(-1);
            return [
              outcome.outcome,
              `${outcome.target} by ${frame.dates.short(outcome.targetDate)}`,
              latest ? `${latest.text} (${frame.dates.short(latest.date)})` : '—',
              OUTCOME_STANDING_LABELS[standing],
            ];
          }),
        ),
      ];
  }
}

function body(section: PackSection, frame: DocumentFrame): Block[] {
  switch (section.key) {
    case 'service-performance':
      return performance(section, frame);
    case 'major-incidents':
      if (section.incidents.length === 0) return [note('No major incidents in the period.')];
      return [
        dataTable(
          frame.page,
          [
            { header: 'Date', share: 0.14 },
            { header: 'Service', share: 0.2 },
            { header: 'Incident', share: 0.28 },
            { header: 'Impact', share: 0.38 },
          ],
          section.incidents.map((i) => [frame.dates.short(i.date), i.service, i.title, i.impact]),
        ),
      ];
    case 'projects':
      if (section.projects.length === 0) return [note('No ongoing projects.')];
      return [
        dataTable(
          frame.page,
          [
            { header: 'Project', share: 0.26 },
            { header: 'Stage', share: 0.13 },
            { header: 'RAG', share: 0.15 },
            { header: 'Forecast end', share: 0.15 },
            { header: 'Latest comment', share: 0.31 },
          ],
          section.projects.map(({ project, before, current }) => [
            project.name,
            PROJECT_STAGE_LABELS[project.stage],
            ragText(before, current),
            project.forecastEnd
              ? frame.dates.short(project.forecastEnd)
              : project.plannedEnd
                ? frame.dates.short(project.plannedEnd)
                : '—',
            current?.comment ?? '',
          ]),
        ),
      ];
    case 'requirements':
      if (section.requirements.length === 0) return [note('No open requirements or proposals.')];
      return [
        dataTable(
          frame.page,
          [
            { header: 'Requirement or proposal', share: 0.36 },
            { header: 'Raised', share: 0.2 },
            { header: 'Decided by', share: 0.18 },
            { header: 'Status', share: 0.26 },
          ],
          section.requirements.map(({ requirement: r, status, raisedBy }) => [
            `${r.title}\n${REQUIREMENT_KIND_LABELS[r.kind]}`,
            `${raisedBy}\n${frame.dates.short(r.raisedOn)}`.trim(),
            r.decisionRoute === 'customer-decision' ? 'The customer' : 'A purchaser',
            REQUIREMENT_STATUS_LABELS[status.status],
          ]),
        ),
      ];
    case 'technology-watch':
      if (section.notes.length === 0) return [note('No technology-watch notes for this unit.')];
      return [
        dataTable(
          frame.page,
          [
            { header: 'Noted', share: 0.16 },
            { header: 'What', share: 0.3 },
            { header: 'What it could do for the business', share: 0.54 },
          ],
          section.notes.map((n) => [frame.dates.short(n.notedOn), n.title, n.note]),
        ),
      ];
    case 'feedback':
    case 'satisfaction':
    case 'agreements':
    case 'outcomes':
      return registerContext(section.context, frame);
  }
}

const note = (text: string) => paragraph(text, { style: STYLES.note });

/** One part of the pack: its title, its table, and the BRM's comment when there is one. */
export function packSectionBlocks(section: PackSection, frame: DocumentFrame): Block[] {
  const out: Block[] = [
    paragraph(section.title, { style: STYLES.label, keepNext: true }),
    ...body(section, frame),
  ];
  if (section.comment.trim()) {
    out.push(paragraph('Comment', { style: STYLES.label, keepNext: true }), ...textBlock(section.comment));
  }
  return out;
}

/** A document shows a part of the pack when it has something in it, or the BRM said something about it. */
const worthShowing = (s: PackSection) => !isEmptySection(s) || s.comment.trim() !== '';

/** The pack's blocks for one agenda item (none when the pack places nothing there). */
export function packBlocksUnder(
  pack: ReviewPack | undefined,
  agendaItemId: string,
  frame: DocumentFrame,
): Block[] {
  const sections = pack ? sectionsUnder(pack, agendaItemId).filter(worthShowing) : [];
  return sections.flatMap((s) => packSectionBlocks(s, frame));
}

/** Parts of the pack the agenda has no item for, under a heading of their own after the agenda. */
export function unplacedPackBlocks(pack: ReviewPack | undefined, frame: DocumentFrame): Block[] {
  const sections = pack ? unplacedSections(pack).filter(worthShowing) : [];
  if (sections.length === 0) return [];
  return [
    paragraph('Review pack', { style: STYLES.heading1 }),
    ...sections.flatMap((s) => packSectionBlocks(s, frame)),
  ];
}
