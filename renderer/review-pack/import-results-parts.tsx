import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentTable20Regular } from '@fluentui/react-icons';
import { useRef } from 'react';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  isRequiredImportField,
  type ImportField,
  type ImportPlan,
  type ImportRow,
} from '../../shared/csv/service-results-import';
import { VERDICT_LABELS, describeTarget, formatValue, monthLabel } from '../../shared/domain/service-levels';
import { Muted } from './parts';

const useStyles = makeStyles({
  mapping: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  preview: { maxHeight: '300px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}` },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '200px', overflowY: 'auto' },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const MAX_PREVIEW_ROWS = 200;

/** A button opens the system's file picker (the input itself stays hidden); the chosen file's name beside it. */
export function CsvFileChooser(props: {
  fileName: string | null;
  onChoose: (file: File | undefined) => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.file}>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv,text/plain"
        aria-label="CSV file"
        className="visually-hidden"
        onChange={(e) => {
          props.onChoose(e.target.files?.[0]);
          // Cleared, so choosing the same file again (after correcting it) reads it again.
          e.target.value = '';
        }}
      />
      <Button icon={<DocumentTable20Regular />} onClick={() => input.current?.click()}>
        {props.fileName !== null ? 'Choose another file…' : 'Choose CSV file…'}
      </Button>
      {props.fileName !== null ? (
        <Text weight="semibold">{props.fileName}</Text>
      ) : (
        <Muted>No file chosen</Muted>
      )}
    </div>
  );
}

/** Which column of the file fills each field of a result; the plan's mapping is the one in force. */
export function ColumnMappingFields(props: {
  plan: ImportPlan;
  onRemap: (field: ImportField, column: string) => void;
}) {
  const styles = useStyles();
  const { plan } = props;
  return (
    <section aria-label="Column mapping">
      <Text weight="semibold" block>
        Columns
      </Text>
      <div className={styles.mapping}>
        {IMPORT_FIELDS.map((field) => (
          <Field key={field} label={IMPORT_FIELD_LABELS[field]} required={isRequiredImportField(field)}>
            <Select value={plan.mapping[field] ?? ''} onChange={(_, d) => props.onRemap(field, d.value)}>
              <option value="">(none)</option>
              {plan.columns.map((c, i) => (
                <option key={`${c}-${i}`} value={c}>
                  {c || `Column ${i + 1}`}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
    </section>
  );
}

/** Every row the import refuses, and why; one refused row holds back the whole file. */
export function ImportErrors({ plan }: { plan: ImportPlan }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" aria-label="Import errors">
      <MessageBarBody>
        <MessageBarTitle>
          {plan.rowsWithErrors
            ? `${plan.rowsWithErrors} row${plan.rowsWithErrors === 1 ? '' : 's'} cannot be imported. Nothing will be imported until the file is corrected.`
            : 'This file cannot be imported.'}
        </MessageBarTitle>
        <ul className={styles.errors}>
          {plan.errors.map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The rows read, with their verdict and the value each replaces; long files show their first rows only. */
export function RowsToImport({ rows }: { rows: readonly ImportRow[] }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.preview}>
        <Table size="small" aria-label="Rows to import">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: 56 }}>Row</TableHeaderCell>
              <TableHeaderCell>Service level</TableHeaderCell>
              <TableHeaderCell style={{ width: 100 }}>Month</TableHeaderCell>
              <TableHeaderCell style={{ width: 110 }}>Achieved</TableHeaderCell>
              <TableHeaderCell style={{ width: 90 }}>Verdict</TableHeaderCell>
              <TableHeaderCell style={{ width: 130 }}>Replaces</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.slice(0, MAX_PREVIEW_ROWS).map((r) => (
              <TableRow key={r.row}>
                <TableCell>{r.row}</TableCell>
                <TableCell>
                  {r.level.service} · {r.level.metric} <Muted>({describeTarget(r.level)})</Muted>
                </TableCell>
                <TableCell>{monthLabel(r.month)}</TableCell>
                <TableCell>{formatValue(r.achieved, r.level.unit)}</TableCell>
                <TableCell>
                  <Badge appearance="tint" size="small" color={r.verdict === 'met' ? 'success' : 'danger'}>
                    {VERDICT_LABELS[r.verdict]}
                  </Badge>
                </TableCell>
                <TableCell>
                  {r.replaces === null ? <Muted>new</Muted> : formatValue(r.replaces, r.level.unit)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {rows.length > MAX_PREVIEW_ROWS ? (
        <Muted>
          The first {MAX_PREVIEW_ROWS} of {rows.length} rows are shown.
        </Muted>
      ) : null}
    </>
  );
}
