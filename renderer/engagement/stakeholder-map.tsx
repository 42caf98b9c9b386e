import {
  Badge,
  Button,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { CONTACT_ROLES, CONTACT_ROLE_LABELS, type BusinessUnit } from '../../shared/domain/customers';
import { MAX_CADENCE_MONTHS, type EngagementRow } from '../../shared/domain/engagement';
import { api } from '../platform/workbook-api';
import { formatDate } from '../ui/format';
import { useLoad } from '../ui/use-load';
import { EmptyText, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { lastMetText, overdueText } from './engagement-labels';
import { LogContactDialog } from './log-contact-dialog';

const MONTH_CHOICES = Array.from({ length: MAX_CADENCE_MONTHS }, (_, i) => i + 1);

/**
 * Seed 003's stakeholder map on the unit page: each contact by role, when last met and next due, with
 * the IT buddy (their designated IT contact) beside them.
 */
export function StakeholderMap({ unit }: { unit: BusinessUnit }) {
  const { data, error, reload } = useLoad(() => api.listEngagement({ unitId: unit.id }), [unit.id]);
  const [logging, setLogging] = useState<EngagementRow | null>(null);
  const byRole = data
    ? [...data].sort(
        (a, b) =>
          CONTACT_ROLES.indexOf(a.role) - CONTACT_ROLES.indexOf(b.role) || a.name.localeCompare(b.name),
      )
    : [];
  return (
    <Section title="Stakeholder map">
      {error ? <Text>{error}</Text> : null}
      {data && data.length === 0 ? <EmptyText>No contacts yet.</EmptyText> : null}
      {byRole.length ? (
        <Table size="small" aria-label="Stakeholder map">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Contact</TableHeaderCell>
              <TableHeaderCell style={{ width: 120 }}>Role</TableHeaderCell>
              <TableHeaderCell style={{ width: 190 }}>Target cadence</TableHeaderCell>
              <TableHeaderCell style={{ width: 160 }}>Last met</TableHeaderCell>
              <TableHeaderCell style={{ width: 170 }}>Next due</TableHeaderCell>
              <TableHeaderCell>IT buddy</TableHeaderCell>
              <TableHeaderCell style={{ width: 140 }} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {byRole.map((row) => (
              <TableRow key={row.contactId}>
                <TableCell style={{ overflowWrap: 'anywhere' }}>{row.name}</TableCell>
                <TableCell>{CONTACT_ROLE_LABELS[row.role]}</TableCell>
                <TableCell>
                  <CadenceSelect row={row} onChanged={() => void reload()} />
                </TableCell>
                <TableCell>{lastMetText(row)}</TableCell>
                <TableCell>
                  {row.dueBy ? formatDate(row.dueBy) : '—'}{' '}
                  {row.overdueDays > 0 ? (
                    <Badge color="danger" appearance="tint">
                      {overdueText(row.overdueDays)}
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell style={{ overflowWrap: 'anywhere' }}>{row.itContact || '—'}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    onClick={() => setLogging(row)}
                    aria-label={`Met ${row.name} informally`}
                  >
                    Met informally
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <LogContactDialog
        contact={logging ? { id: logging.contactId, name: logging.name } : null}
        onClose={() => setLogging(null)}
        onSaved={() => void reload()}
      />
    </Section>
  );
}

/** The contact's cadence: its role's (the default), none, or its own number of months. */
function CadenceSelect({ row, onChanged }: { row: EngagementRow; onChanged: () => void }) {
  const { notifyError } = useNotify();
  const value =
    row.cadenceFrom === 'role' ? 'role' : row.cadenceMonths === null ? 'none' : String(row.cadenceMonths);
  const change = (next: string) => {
    const inherit = next === 'role';
    const months = inherit || next === 'none' ? null : Number(next);
    api.setContactCadence({ contactId: row.contactId, months, inherit }).then(onChanged).catch(notifyError);
  };
  return (
    <Select
      size="small"
      aria-label={`Target cadence for ${row.name}`}
      value={value}
      onChange={(_, d) => change(d.value)}
    >
      <option value="role">
        As for the role{row.cadenceFrom === 'role' ? ` (${row.cadenceMonths ?? 'none'})` : ''}
      </option>
      <option value="none">No target</option>
      {MONTH_CHOICES.map((m) => (
        <option key={m} value={String(m)}>
          Every {m} month{m === 1 ? '' : 's'}
        </option>
      ))}
    </Select>
  );
}
