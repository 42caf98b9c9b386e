import {
  Badge,
  Button,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { format } from 'date-fns';
import { useState } from 'react';
import {
  MATURITY_LABELS,
  MATURITY_LEVELS,
  type BusinessUnit,
  type MaturityLevel,
} from '../../shared/domain/customers';
import { MaturityChart } from './maturity-chart';
import { api } from '../platform/workbook-api';
import { useAppStore } from '../app/store';
import { formatDate } from '../ui/format';
import { EmptyText, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';
import { DateInput } from '../ui/typed-date-input';
import { ChoiceSelect } from '../ui/choice-select';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  grow: { flex: 1, minWidth: '200px' },
});

/** Seed 001: where the relationship stands (ad hoc → strategic partner), assessed over time. */
export function MaturitySection({ unit }: { unit: BusinessUnit }) {
  const styles = useStyles();
  const putUnit = useAppStore((s) => s.putUnit);
  const { notify } = useNotify();
  const [level, setLevel] = useState<MaturityLevel>(unit.maturity.at(-1)?.level ?? 'order-taker');
  const [assessedOn, setAssessedOn] = useState(format(new Date(), 'yyyy-MM-dd'));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = unit.maturity.at(-1);

  const record = () => {
    api
      .recordMaturity({ unitId: unit.id, level, assessedOn, note })
      .then((u) => {
        putUnit(u);
        setNote('');
        setError(null);
        notify('Maturity assessment recorded');
      })
      .catch((e: unknown) => setError(messageOf(e)));
  };

  return (
    <Section
      title="Relationship maturity"
      actions={
        current ? (
          <Badge appearance="filled" color="brand">
            {MATURITY_LABELS[current.level]}
          </Badge>
        ) : undefined
      }
    >
      {unit.maturity.length ? <MaturityChart unit={unit} /> : null}
      {unit.maturity.length ? (
        <Table size="small" aria-label="Maturity history">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: 130 }}>Assessed on</TableHeaderCell>
              <TableHeaderCell style={{ width: 170 }}>Level</TableHeaderCell>
              <TableHeaderCell>Note</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...unit.maturity].reverse().map((m) => (
              <TableRow key={m.id}>
                <TableCell>{formatDate(m.assessedOn)}</TableCell>
                <TableCell>{MATURITY_LABELS[m.level]}</TableCell>
                <TableCell style={{ overflowWrap: 'anywhere' }}>{m.note}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <EmptyText>Not assessed yet.</EmptyText>
      )}
      <div className={styles.row}>
        <Field label="Maturity level">
          <ChoiceSelect
            value={level}
            choices={MATURITY_LEVELS}
            labels={MATURITY_LABELS}
            onChange={(value) => setLevel(value)}
          />
        </Field>
        <Field label="Assessed on" validationMessage={error ?? undefined}>
          <DateInput value={assessedOn} onChange={(value) => setAssessedOn(value)} />
        </Field>
        <Field label="Assessment note" className={styles.grow}>
          <Input value={note} onChange={(_, d) => setNote(d.value)} />
        </Field>
        <Button onClick={record}>Record assessment</Button>
      </div>
    </Section>
  );
}
