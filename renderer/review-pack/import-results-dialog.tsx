import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
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
import { useRef, useState } from 'react';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  isRequiredImportField,
  type ColumnMapping,
  type ImportField,
  type ImportPlan,
} from '../../shared/csv/service-results-import';
import type { BusinessUnit } from '../../shared/domain/customers';
import { VERDICT_LABELS, describeTarget, formatValue, monthLabel } from '../../shared/domain/service-levels';
import { api } from '../platform/workbook-api';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';
import { Muted } from './parts';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '92vw' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
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

/**
 * Import service results from a CSV file: the columns it found and how they map (changeable), every
 * row it read, every row it refuses. Import is offered only when nothing is refused — all rows or none.
 */
export function ImportResultsDialog(props: {
  unit: BusinessUnit;
  onClose: () => void;
  onImported: (firstMonth: string | null) => void;
}) {
  const styles = useStyles();
  const { notify } = useNotify();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>({});
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const preview = async (text: string, chosen: Partial<ColumnMapping>) => {
    setBusy(true);
    try {
      setPlan(await api.previewServiceResultsImport({ unitId: props.unit.id, csv: text, mapping: chosen }));
      setError(null);
    } catch (e) {
      setPlan(null);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    setMapping({});
    await preview(text, {});
  };

  const remap = (field: ImportField, column: string) => {
    const next = { ...mapping, [field]: column === '' ? null : column };
    setMapping(next);
    if (file) void preview(file.text, next);
  };

  const runImport = async () => {
    if (!file || !plan) return;
    setBusy(true);
    try {
      const { imported, replaced } = await api.importServiceResults({
        unitId: props.unit.id,
        csv: file.text,
        mapping,
      });
      notify(
        `Imported ${imported} result${imported === 1 ? '' : 's'}${replaced ? ` (${replaced} replaced earlier values)` : ''}`,
      );
      props.onImported([...plan.rows.map((r) => r.month)].sort().at(-1) ?? null);
      props.onClose();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const importable = plan !== null && plan.errors.length === 0 && plan.rows.length > 0;
  return (
    <Dialog open onOpenChange={(_, d) => (d.open ? undefined : props.onClose())}>
      <DialogSurface className={styles.surface} aria-label="Import service results">
        <DialogBody>
          <DialogTitle>Import service results for {props.unit.name}</DialogTitle>
          <DialogContent className={styles.body}>
            <Text>
              A CSV file with one row per service level and month, as exported from the service-management
              tool: columns for the service, the metric, the month (2026-10) and the achieved value. Nothing
              is stored until you import, and nothing at all when a row is refused.
            </Text>
            <div className={styles.file}>
              <input
                ref={input}
                type="file"
                accept=".csv,text/csv,text/plain"
                aria-label="CSV file"
                className="visually-hidden"
                onChange={(e) => {
                  void choose(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
              <Button icon={<DocumentTable20Regular />} onClick={() => input.current?.click()}>
                {file ? 'Choose another file…' : 'Choose CSV file…'}
              </Button>
              {file ? <Text weight="semibold">{file.name}</Text> : <Muted>No file chosen</Muted>}
            </div>

            {error ? (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            ) : null}

            {plan && plan.columns.length ? (
              <section aria-label="Column mapping">
                <Text weight="semibold" block>
                  Columns
                </Text>
                <div className={styles.mapping}>
                  {IMPORT_FIELDS.map((field) => (
                    <Field
                      key={field}
                      label={IMPORT_FIELD_LABELS[field]}
                      required={isRequiredImportField(field)}
                    >
                      <Select value={plan.mapping[field] ?? ''} onChange={(_, d) => remap(field, d.value)}>
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
            ) : null}

            {plan && plan.errors.length ? (
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
            ) : null}

            {plan && plan.rows.length ? (
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
                    {plan.rows.slice(0, MAX_PREVIEW_ROWS).map((r) => (
                      <TableRow key={r.row}>
                        <TableCell>{r.row}</TableCell>
                        <TableCell>
                          {r.level.service} · {r.level.metric} <Muted>({describeTarget(r.level)})</Muted>
                        </TableCell>
                        <TableCell>{monthLabel(r.month)}</TableCell>
                        <TableCell>{formatValue(r.achieved, r.level.unit)}</TableCell>
                        <TableCell>
                          <Badge
                            appearance="tint"
                            size="small"
                            color={r.verdict === 'met' ? 'success' : 'danger'}
                          >
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
            ) : null}
            {plan && plan.rows.length > MAX_PREVIEW_ROWS ? (
              <Muted>
                The first {MAX_PREVIEW_ROWS} of {plan.rows.length} rows are shown.
              </Muted>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onClose}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={!importable || busy} onClick={() => void runImport()}>
              {plan && importable
                ? `Import ${plan.rows.length} result${plan.rows.length === 1 ? '' : 's'}`
                : 'Import'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
