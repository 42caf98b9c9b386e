/**
 * What every published report shares: the house style of the minutes (docx-kit), the organisation's
 * masthead, dates in the user's locale, and a file name that says what and when.
 */
import type { Document, Paragraph, Table } from 'docx';
import { format } from 'date-fns';
import { safeFileName } from '../atomic-file';
import type { ServiceContext } from '../context';
import { dateStyleFor, type DateStyle } from '../../../shared/domain/date-format';
import { STYLES, buildDocument, pageGeometry, paragraph, type PageGeometry } from '../export/docx-kit';
import { parseLogo } from '../export/logo';
import { xmlSafeLine } from '../export/sanitise';
import { settingsShard } from '../store/shards';

export interface ReportFrame {
  dates: DateStyle;
  page: PageGeometry;
  /** The report's date (today), as the footer and the file name show it. */
  today: string;
}

export function reportFrame(ctx: ServiceContext): ReportFrame & { build: (spec: ReportSpec) => Document } {
  const settings = ctx.store.get(settingsShard);
  const dates = dateStyleFor(settings.locale);
  const page = pageGeometry(dates.letterPaper);
  const now = ctx.now();
  return {
    dates,
    page,
    today: format(now, 'yyyy-MM-dd'),
    build: (spec) =>
      buildDocument({
        page,
        title: spec.title,
        subject: spec.subtitle,
        creator: settings.brmName || 'BRM Workbook',
        language: dates.locale,
        masthead: {
          organisationName: settings.organisationName,
          logo: settings.logo ? parseLogo(settings.logo) : null,
          documentKind: spec.kind,
          draft: false,
          footerNote: `${spec.kind} · ${dates.instant(now)}`,
        },
        children: [
          paragraph(spec.title, { style: STYLES.title }),
          paragraph(spec.subtitle, { style: STYLES.subtitle }),
          ...spec.children,
        ],
      }),
  };
}

export interface ReportSpec {
  title: string;
  subtitle: string;
  /** Header and footer label, e.g. "Action log". */
  kind: string;
  children: (Paragraph | Table)[];
}

/** "2026-11-24 Action log Retail.docx", with characters no file system accepts replaced. */
export function reportFileName(today: string, what: string): string {
  return `${safeFileName(xmlSafeLine(`${today} ${what}`).replace(/\s+/g, ' ')).slice(0, 150)}.docx`;
}
