import {
  Dropdown,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { ContactsImportPreview, ImportChoice, ImportRow } from '../../shared/domain/contacts-exchange';
import { CONTACT_ROLES, CONTACT_ROLE_LABELS, type ContactRole } from '../../shared/domain/customers';
import { FormDialog } from '../ui/form-dialog';

export interface RowChoice {
  action: ImportChoice;
  role: ContactRole;
}

const CHOICE_LABELS: Record<ImportChoice, string> = { add: 'Add', merge: 'Merge', skip: 'Skip' };

/** New rows are added and duplicates merged unless the BRM says otherwise; nothing is guessed silently: all shown. */
export const defaultChoice = (row: ImportRow): RowChoice => ({
  action: row.status === 'duplicate' ? 'merge' : 'add',
  role: row.fields?.role ?? 'user',
});

function statusText(row: ImportRow): string {
  if (row.status === 'invalid') return `Invalid: ${row.reason ?? ''}`;
  if (row.status === 'new') return 'New';
  const dup = row.duplicateOf!;
  const where = dup.line === null ? 'existing contact' : `line ${dup.line}`;
  return `Duplicate of ${dup.name}${dup.email ? ` <${dup.email}>` : ''} (${where}, same ${dup.why === 'email' ? 'e-mail' : 'name'})`;
}

/** Each row of the file: what it would become, the choice per duplicate, and the role it gets. */
export function ImportPreviewDialog(props: {
  fileName: string;
  preview: ContactsImportPreview;
  choices: Record<number, RowChoice>;
  onChoice: (line: number, choice: RowChoice) => void;
  saving: boolean;
  error: string | null;
  onImport: () => void;
  onClose: () => void;
}) {
  const importable = props.preview.rows.filter((r) => r.status !== 'invalid');
  return (
    <FormDialog
      open
      title={`Import contacts from ${props.fileName}`}
      submitLabel={`Import ${importable.filter((r) => props.choices[r.line]?.action !== 'skip').length} contacts`}
      saving={props.saving}
      formError={props.error}
      onSubmit={props.onImport}
      onClose={props.onClose}
      width={1000}
    >
      <Text>
        Nothing is saved until you import. Invalid rows are left out; the rest can still be imported.
      </Text>
      <Table aria-label="Contacts to import" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 60 }}>Line</TableHeaderCell>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>E-mail</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell style={{ width: 130 }}>Choice</TableHeaderCell>
            <TableHeaderCell style={{ width: 160 }}>Role</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.preview.rows.map((row) => {
            const choice = props.choices[row.line] ?? defaultChoice(row);
            const actions: ImportChoice[] =
              row.status === 'duplicate' ? ['merge', 'skip', 'add'] : ['add', 'skip'];
            return (
              <TableRow key={row.line} aria-label={`Line ${row.line}`}>
                <TableCell>{row.line}</TableCell>
                <TableCell>{row.fields?.name ?? ''}</TableCell>
                <TableCell>{row.fields?.email ?? ''}</TableCell>
                <TableCell>{statusText(row)}</TableCell>
                <TableCell>
                  {row.status === 'invalid' ? null : (
                    <Dropdown
                      aria-label={`Choice for line ${row.line}`}
                      value={CHOICE_LABELS[choice.action]}
                      selectedOptions={[choice.action]}
                      onOptionSelect={(_, d) =>
                        props.onChoice(row.line, { ...choice, action: d.optionValue as ImportChoice })
                      }
                    >
                      {actions.map((a) => (
                        <Option key={a} value={a}>
                          {CHOICE_LABELS[a]}
                        </Option>
                      ))}
                    </Dropdown>
                  )}
                </TableCell>
                <TableCell>
                  {row.status === 'invalid' ? null : (
                    <Dropdown
                      aria-label={`Role for line ${row.line}`}
                      value={CONTACT_ROLE_LABELS[choice.role]}
                      selectedOptions={[choice.role]}
                      onOptionSelect={(_, d) =>
                        props.onChoice(row.line, { ...choice, role: d.optionValue as ContactRole })
                      }
                    >
                      {CONTACT_ROLES.map((r) => (
                        <Option key={r} value={r}>
                          {CONTACT_ROLE_LABELS[r]}
                        </Option>
                      ))}
                    </Dropdown>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </FormDialog>
  );
}
