/** Seed 002 "Management of agreements": the register of every agreement, with its levels and financing. */
import { agreementDue, describeDue, serviceLines } from '../../../shared/domain/register-rules';
import {
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_TYPE_LABELS,
  FINANCING_PERIOD_LABELS,
  type Agreement,
} from '../../../shared/domain/registers';
import { COLOURS, STYLES, dataTable, paragraph, run, type CellValue } from '../export/docx-kit';
import type { ReportFrame, ReportSpec } from './report-kit';

function money(amount: number | null, currency: string): string {
  if (amount === null) return '';
  return `${currency} ${amount.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`.trim();
}

export function agreementsReport(
  agreements: readonly Agreement[],
  scope: string,
  unitName: (unitId: string) => string,
  contactName: (contactId: string | null) => string,
  frame: ReportFrame,
): ReportSpec {
  const sorted = [...agreements].sort(
    (a, b) => unitName(a.unitId).localeCompare(unitName(b.unitId)) || a.title.localeCompare(b.title),
  );
  const dueCount = sorted.filter((a) => agreementDue(a, frame.today)).length;
  const term = (a: Agreement): CellValue => {
    const lines = [
      `${a.startDate ? frame.dates.short(a.startDate) : 'open start'} – ${a.endDate ? frame.dates.short(a.endDate) : 'open end'}`,
      a.reviewDate ? `Review ${frame.dates.short(a.reviewDate)}` : '',
    ].filter(Boolean);
    const due = agreementDue(a, frame.today);
    return [
      ...lines.map((l) => paragraph(l, { style: STYLES.tableText })),
      ...(due
        ? [
            paragraph([run(describeDue(due), { bold: true, color: COLOURS.overdue, size: 17 })], {
              style: STYLES.tableText,
            }),
          ]
        : []),
    ];
  };
  return {
    title: 'Agreements register',
    subtitle: `${scope}, as of ${frame.dates.long(frame.today)}`,
    kind: 'Agreements register',
    children: [
      paragraph(
        `${sorted.length} agreement${sorted.length === 1 ? '' : 's'}; ${dueCount} due for review or renewal within 90 days.`,
      ),
      sorted.length
        ? dataTable(
            frame.page,
            [
              { header: 'Agreement', share: 0.24 },
              { header: 'Services and levels', share: 0.3 },
              { header: 'Financing', share: 0.16 },
              { header: 'Signed by', share: 0.14 },
              { header: 'Term and review', share: 0.16 },
            ],
            sorted.map((a) => [
              [
                a.title,
                `${AGREEMENT_TYPE_LABELS[a.type]} · ${AGREEMENT_STATUS_LABELS[a.status]}`,
                unitName(a.unitId),
                a.reference.trim() ? `Reference: ${a.reference.trim()}` : '',
                // Seed 004: the agreed definition of a complaint is part of the agreement, so it is in the register.
                a.complaintDefinition.trim() ? `Complaint: ${a.complaintDefinition.trim()}` : '',
              ]
                .filter(Boolean)
                .join('\n'),
              serviceLines(a).join('\n'),
              [
                money(a.financing.amount, a.financing.currency),
                a.financing.amount !== null ? FINANCING_PERIOD_LABELS[a.financing.period] : '',
                a.financing.costCentre ? `Cost centre ${a.financing.costCentre}` : '',
              ]
                .filter(Boolean)
                .join('\n'),
              [contactName(a.customerContactId), ...a.itSignatories].filter(Boolean).join('\n'),
              term(a),
            ]),
          )
        : paragraph('No agreements are recorded.', { style: STYLES.note }),
    ],
  };
}
