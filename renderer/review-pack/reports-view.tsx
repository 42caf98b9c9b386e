import { Button, Checkbox, Field, Input, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, DocumentText20Regular } from '@fluentui/react-icons';
import { format } from 'date-fns';
import { useState, type ReactNode } from 'react';
import { CSV_REGISTERS, CSV_REGISTER_LABELS, type CsvRegister } from '../../shared/csv/register-exports';
import type { SavedDocument } from '../../shared/domain/documents';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { UnitFilter } from '../ui/unit-filter';
import { Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';
import { useSavedFileNotice } from './use-save-file';
import { DateInput } from '../ui/typed-date-input';

const useStyles = makeStyles({
  reports: { display: 'flex', flexDirection: 'column' },
  report: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalM} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  name: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  what: { color: tokens.colorNeutralForeground2 },
  options: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    alignItems: 'center',
    marginTop: tokens.spacingVerticalS,
  },
  statuses: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  csv: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
});

/** Runs an export and tells the user where the file went (or why it did not). */
function useExport() {
  const savedNotice = useSavedFileNotice();
  const { notify } = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const run = (key: string, what: string, save: () => Promise<SavedDocument>) => {
    setBusy(key);
    save()
      .then((saved) => savedNotice(saved, what))
      .catch((e: unknown) => notify(messageOf(e), 'error'))
      .finally(() => setBusy(null));
  };
  return { busy, run };
}

/** Seed 002's outputs, published: the customer structure, the action log, survey results, agreements. */
export function ReportsView() {
  const styles = useStyles();
  const { busy, run } = useExport();
  const today = format(new Date(), 'yyyy-MM-dd');
  const [actionsUnit, setActionsUnit] = useState<string | null>(null);
  const [owner, setOwner] = useState('');
  const [statuses, setStatuses] = useState<ActionStatus[]>(['open', 'in-progress']);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [surveysUnit, setSurveysUnit] = useState<string | null>(null);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [agreementsUnit, setAgreementsUnit] = useState<string | null>(null);
  const [csvUnit, setCsvUnit] = useState<string | null>(null);

  const toggleStatus = (status: ActionStatus, on: boolean) =>
    setStatuses((list) => (on ? [...list, status] : list.filter((s) => s !== status)));
  const periodError = from && to && from > to ? 'The period ends before it starts.' : undefined;

  return (
    <Page label="Reports">
      <PageHeader
        title="Reports"
        subtitle="Word documents to publish, and every register as CSV for spreadsheets"
      />
      <Section title="Word reports">
        <div className={styles.reports}>
          <Report
            name="Customer structure"
            what="Every business unit with its customer, purchasers and designated IT contact."
            busy={busy === 'structure'}
            onExport={() =>
              run('structure', 'Customer structure', () => api.exportCustomerStructureReport({}))
            }
          />
          <Report
            name="Action log"
            what="Actions with owner, due date and their trail, filtered as in the action register."
            busy={busy === 'actions'}
            onExport={() =>
              run('actions', 'Action log', () =>
                api.exportActionLogReport({
                  unitId: actionsUnit,
                  owner: owner.trim() || null,
                  statuses,
                  today,
                  overdueOnly,
                }),
              )
            }
          >
            <UnitFilter unitId={actionsUnit} onChange={setActionsUnit} />
            <Field label="Owner" orientation="horizontal">
              <Input value={owner} placeholder="Anyone" onChange={(_, d) => setOwner(d.value)} />
            </Field>
            <div className={styles.statuses} role="group" aria-label="Statuses">
              {ACTION_STATUSES.map((s) => (
                <Checkbox
                  key={s}
                  label={ACTION_STATUS_LABELS[s]}
                  checked={statuses.includes(s)}
                  onChange={(_, d) => toggleStatus(s, d.checked === true)}
                />
              ))}
            </div>
            <Switch
              label="Overdue only"
              checked={overdueOnly}
              onChange={(_, d) => setOverdueOnly(d.checked)}
            />
          </Report>
          <Report
            name="Satisfaction results"
            what="Survey results of a period: the trend chart, averages per unit and per question, every comment."
            busy={busy === 'satisfaction'}
            disabled={Boolean(periodError) || !from || !to}
            onExport={() =>
              run('satisfaction', 'Satisfaction results', () =>
                api.exportSatisfactionReport({ unitId: surveysUnit, from, to }),
              )
            }
          >
            <UnitFilter unitId={surveysUnit} onChange={setSurveysUnit} />
            <Field label="From" orientation="horizontal">
              <DateInput value={from} onChange={(value) => setFrom(value)} />
            </Field>
            <Field label="To" orientation="horizontal" validationMessage={periodError}>
              <DateInput value={to} onChange={(value) => setTo(value)} />
            </Field>
          </Report>
          <Report
            name="Agreements register"
            what="Every agreement with its service levels, financing, signatories, term and review."
            busy={busy === 'agreements'}
            onExport={() =>
              run('agreements', 'Agreements register', () =>
                api.exportAgreementsReport({ unitId: agreementsUnit }),
              )
            }
          >
            <UnitFilter unitId={agreementsUnit} onChange={setAgreementsUnit} />
          </Report>
        </div>
      </Section>
      <Section title="Registers as CSV">
        <Text>
          For spreadsheets: one row per record, names rather than ids, UTF-8. Text that a spreadsheet would
          run as a formula is written as plain text.
        </Text>
        <div className={styles.options}>
          <UnitFilter unitId={csvUnit} onChange={setCsvUnit} />
        </div>
        <div className={styles.csv}>
          {CSV_REGISTERS.map((register: CsvRegister) => (
            <Button
              key={register}
              icon={<ArrowDownload20Regular />}
              disabled={busy === register}
              onClick={() =>
                run(register, CSV_REGISTER_LABELS[register], () =>
                  api.exportRegisterCsv({ register, unitId: csvUnit }),
                )
              }
            >
              {CSV_REGISTER_LABELS[register]}
            </Button>
          ))}
        </div>
      </Section>
    </Page>
  );
}

function Report(props: {
  name: string;
  what: string;
  busy: boolean;
  disabled?: boolean;
  onExport: () => void;
  children?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <article className={styles.report} aria-label={props.name}>
      <div>
        <h3 className={styles.name}>{props.name}</h3>
        <Text className={styles.what}>{props.what}</Text>
        {props.children ? <div className={styles.options}>{props.children}</div> : null}
      </div>
      <Button
        appearance="primary"
        icon={<DocumentText20Regular />}
        disabled={props.busy || props.disabled}
        onClick={props.onExport}
      >
        {props.busy ? 'Exporting…' : 'Export to Word'}
      </Button>
    </article>
  );
}
