import type { EngagementRow } from '../../shared/domain/engagement';
import { formatDate, plural } from '../ui/format';

export const cadenceText = (row: Pick<EngagementRow, 'cadenceMonths' | 'cadenceFrom'>): string =>
  row.cadenceMonths === null
    ? 'No target'
    : `Every ${plural(row.cadenceMonths, 'month')}${row.cadenceFrom === 'contact' ? ' (own)' : ''}`;

export const lastMetText = (row: Pick<EngagementRow, 'lastMet' | 'lastMetHow'>): string =>
  row.lastMet ? `${formatDate(row.lastMet)}${row.lastMetHow === 'informal' ? ' (informally)' : ''}` : 'Never';

export const overdueText = (days: number): string => `${plural(days, 'day')} overdue`;
