import {
  Badge,
  Button,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, ArrowUpload20Regular, Delete20Regular } from '@fluentui/react-icons';
import { format, subMonths } from 'date-fns';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import type { UnitReviewRecords } from '../../shared/contract/review-pack';
import { serviceLevelTrend } from '../../shared/charts/service-level-trend';
import type { BusinessUnit } from '../../shared/domain/customers';
import { monthSchema, type Month, type ServiceResult } from '../../shared/domain/review-pack';
import {
  VERDICT_LABELS,
  describeTarget,
  formatValue,
  monthLabel,
  monthsEndingWith,
  performanceTable,
  trendOf,
  type JudgedResult,
  type ServiceLevelRef,
} from '../../shared/domain/service-levels';
import { SCREEN_THEME, SvgChart } from '../ui/svg-chart';
import { api } from '../platform/workbook-api';
import { AppLink } from '../ui/app-link';
import { FormDialog } from '../ui/form-dialog';
import { EmptyText, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';
import { ImportResultsDialog } from './import-results-dialog';
import { FieldPair, Muted } from './parts';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  summary: { color: tokens.colorNeutralForeground2 },
  agreement: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: 600 },
  level: { fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
});

/** The months shown side by side: the chosen month and the two before it. */
const COLUMNS = 3;
const TREND_MONTHS = 12;
const levelKey = (l: ServiceLevelRef) => `${l.agreementId}/${l.serviceLevelId}`;

/** Seed 004's periodic review: service delivery against the targets in the agreements, month by month. */
export function PerformanceTab(props: {
  unit: BusinessUnit;
  records: UnitReviewRecords;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const { serviceLevels, serviceResults } = props.records;
  const [recording, setRecording] = useState<ServiceLevelRef | 'any' | null>(null);
  const [importing, setImporting] = useState(false);
  const months = useMemo(() => {
    const recorded = [...new Set(serviceResults.map((r) => r.month))].sort().reverse();
    const lastMonth = format(subMonths(new Date(), 1), 'yyyy-MM');
    return [...new Set([lastMonth, ...recorded])].sort().reverse();
  }, [serviceResults]);
  const [chosen, setChosen] = useState<Month | null>(null);
  const month = chosen ?? [...new Set(serviceResults.map((r) => r.month))].sort().at(-1) ?? months[0] ?? '';
  const shown = monthsEndingWith(month, COLUMNS);
  const rows = performanceTable(serviceLevels, serviceResults, shown, { includeEmpty: true });
  const inMonth = rows.flatMap((r) => (r.byMonth[month] ? [r.byMonth[month]] : []));
  const missed = inMonth.filter((j) => j.verdict === 'missed').length;
  const agreements = [...new Map(serviceLevels.map((l) => [l.agreementId, l.agreementTitle])).entries()];

  if (serviceLevels.length === 0) {
    return (
      <Section title="Service performance">
        <EmptyText>
          {props.unit.name} has no agreement with service levels yet. Record its agreements and their service
          levels under <AppLink to="/agreements">Agreements</AppLink>; then results can be recorded or
          imported here.
        </EmptyText>
      </Section>
    );
  }

  return (
    <Section
      title="Service performance"
      actions={
        <>
          <Button icon={<ArrowUpload20Regular />} onClick={() => setImporting(true)}>
            Import from CSV
          </Button>
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => setRecording('any')}>
            Record result
          </Button>
        </>
      }
    >
      <div className={styles.toolbar}>
        <Field label="Month">
          <Select value={month} onChange={(_, d) => setChosen(d.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {monthLabel(m)}
              </option>
            ))}
          </Select>
        </Field>
        <Text className={styles.summary} aria-live="polite">
          {inMonth.length
            ? `${monthLabel(month)}: ${inMonth.length - missed} met, ${missed} missed${serviceLevels.length > inMonth.length ? `, ${serviceLevels.length - inMonth.length} not reported` : ''}`
            : `No results for ${monthLabel(month)} yet.`}
        </Text>
      </div>
      {agreements.map(([agreementId, title]) => (
        <div key={agreementId}>
          <h3 className={styles.agreement}>{title}</h3>
          <Table size="small" aria-label={`Service performance: ${title}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Service level</TableHeaderCell>
                <TableHeaderCell style={{ width: 100 }}>Target</TableHeaderCell>
                {shown.map((m) => (
                  <TableHeaderCell key={m} style={{ width: 104 }}>
                    {monthLabel(m)}
                  </TableHeaderCell>
                ))}
                <TableHeaderCell style={{ width: 190 }}>Last {TREND_MONTHS} months</TableHeaderCell>
                <TableHeaderCell style={{ width: 84 }}>
                  <span className="visually-hidden">Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows
                .filter((r) => r.level.agreementId === agreementId)
                .map((row) => (
                  <TableRow key={levelKey(row.level)}>
                    <TableCell>
                      <div className={styles.level}>{row.level.metric}</div>
                      <div className={styles.sub}>{row.level.service}</div>
                    </TableCell>
                    <TableCell>{describeTarget(row.level)}</TableCell>
                    {shown.map((m) => (
                      <TableCell key={m}>
                        <ResultCell result={row.byMonth[m]} />
                      </TableCell>
                    ))}
                    <TableCell>
                      <SvgChart
                        tree={serviceLevelTrend(
                          row.level,
                          trendOf(row.level, serviceResults, monthsEndingWith(month, TREND_MONTHS)),
                          monthsEndingWith(month, TREND_MONTHS),
                          SCREEN_THEME,
                          { compact: true },
                        )}
                      />
                    </TableCell>
                    <TableCell>
                      <Button
                        size="small"
                        appearance="subtle"
                        aria-label={`Record ${row.level.metric} of ${row.level.service}`}
                        onClick={() => setRecording(row.level)}
                      >
                        Record
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </div>
      ))}
      {recording ? (
        <ResultDialog
          unitId={props.unit.id}
          levels={serviceLevels}
          results={serviceResults}
          level={recording === 'any' ? null : recording}
          month={month}
          onClose={() => setRecording(null)}
          onSaved={props.onChanged}
        />
      ) : null}
      {importing ? (
        <ImportResultsDialog
          unit={props.unit}
          onClose={() => setImporting(false)}
          onImported={(firstMonth) => {
            if (firstMonth) setChosen(firstMonth);
            props.onChanged();
          }}
        />
      ) : null}
    </Section>
  );
}

function ResultCell({ result }: { result: JudgedResult | undefined }) {
  const styles = useStyles();
  if (!result) return <Muted>—</Muted>;
  return (
    <div className={styles.value} title={result.note || undefined}>
      <span>{formatValue(result.achieved, result.level.unit)}</span>
      <Badge appearance="tint" size="small" color={result.verdict === 'met' ? 'success' : 'danger'}>
        {VERDICT_LABELS[result.verdict]}
      </Badge>
    </div>
  );
}

const resultForm = z.strictObject({
  level: z.string().min(1, 'Choose the service level.'),
  month: monthSchema,
  achieved: z
    .string()
    .trim()
    .min(1, 'Enter the achieved value.')
    .refine((v) => Number.isFinite(Number(v.replace(',', '.'))), 'Enter the achieved value as a number.'),
  note: z.string().max(2_000),
});

function ResultDialog(props: {
  unitId: string;
  levels: readonly ServiceLevelRef[];
  results: readonly ServiceResult[];
  level: ServiceLevelRef | null;
  month: Month;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { notify, notifyError } = useNotify();
  const form = useForm(resultForm, {
    level: props.level ? levelKey(props.level) : '',
    month: props.month,
    achieved: '',
    note: '',
  });
  const v = form.values;
  const chosen = props.levels.find((l) => levelKey(l) === v.level);
  const stored = chosen
    ? props.results.find(
        (r) =>
          r.agreementId === chosen.agreementId &&
          r.serviceLevelId === chosen.serviceLevelId &&
          r.month === v.month,
      )
    : undefined;
  const remove = () => {
    if (!stored || !chosen) return;
    api
      .deleteServiceResult({ unitId: props.unitId, id: stored.id })
      .then(() => {
        notify(`${chosen.metric}, ${monthLabel(stored.month)}: value removed`);
        props.onSaved();
        props.onClose();
      })
      .catch(notifyError);
  };
  const save = () =>
    void form
      .submit(async (values) => {
        const level = props.levels.find((l) => levelKey(l) === values.level);
        if (!level) return;
        await api.recordServiceResult({
          unitId: props.unitId,
          fields: {
            agreementId: level.agreementId,
            serviceLevelId: level.serviceLevelId,
            month: values.month,
            achieved: Number(values.achieved.replace(',', '.')),
            note: values.note,
          },
        });
        notify(`${level.metric}, ${monthLabel(values.month)}: recorded`);
        props.onSaved();
      })
      .then((ok) => ok && props.onClose());

  return (
    <FormDialog
      open
      title="Record a service result"
      submitLabel="Record result"
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      <Field label="Service level" required validationMessage={form.errors.level}>
        <Select value={v.level} onChange={(_, d) => form.set('level', d.value)}>
          <option value="">Choose…</option>
          {props.levels.map((l) => (
            <option key={levelKey(l)} value={levelKey(l)}>
              {l.service} · {l.metric} ({describeTarget(l)}) — {l.agreementTitle}
            </option>
          ))}
        </Select>
      </Field>
      <FieldPair>
        <Field label="Month" required validationMessage={form.errors.month}>
          <Input type="month" value={v.month} onChange={(_, d) => form.set('month', d.value)} />
        </Field>
        <Field
          label="Achieved value"
          required
          hint={chosen ? `Target ${describeTarget(chosen)}` : undefined}
          validationMessage={form.errors.achieved}
        >
          <Input
            inputMode="decimal"
            value={v.achieved}
            contentAfter={chosen?.unit ? <Muted>{chosen.unit}</Muted> : undefined}
            onChange={(_, d) => form.set('achieved', d.value)}
            autoFocus={props.level !== null}
          />
        </Field>
      </FieldPair>
      {stored && chosen ? (
        <Text>
          Recorded for {monthLabel(stored.month)}: {formatValue(stored.achieved, chosen.unit)} (
          {stored.source}). A new value replaces it.{' '}
          <Button size="small" appearance="subtle" icon={<Delete20Regular />} onClick={remove}>
            Remove recorded value
          </Button>
        </Text>
      ) : null}
      <Field
        label="Note"
        hint="Why it was missed, or anything the customer should know."
        validationMessage={form.errors.note}
      >
        <Textarea value={v.note} onChange={(_, d) => form.set('note', d.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}
