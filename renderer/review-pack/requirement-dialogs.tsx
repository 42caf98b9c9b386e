import {
  Field,
  Input,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from '@fluentui/react-components';
import { format } from 'date-fns';
import { z } from 'zod';
import type { BusinessUnit } from '../../shared/domain/customers';
import {
  DECISION_ROUTES,
  DECISION_ROUTE_LABELS,
  REQUIREMENT_KINDS,
  REQUIREMENT_KIND_LABELS,
  REQUIREMENT_STATUSES,
  REQUIREMENT_STATUS_LABELS,
  requirementFieldsSchema,
  type DecisionRoute,
  type Requirement,
  type RequirementKind,
  type RequirementStatus,
} from '../../shared/domain/review-pack';
import { requiredDate } from '../../shared/domain/meetings';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { FormDialog } from '../ui/form-dialog';
import { formatDate } from '../ui/format';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';
import { ContactPicker, FieldPair, MeetingPicker, blankToNull } from './parts';
import type { MeetingOption } from './use-review-records';
import { DateInput } from '../ui/typed-date-input';
import { ChoiceSelect } from '../ui/choice-select';

const ROUTE_HINTS: Record<DecisionRoute, string> = {
  'customer-decision': 'It changes what IT delivers or what it costs: a business decision for the customer.',
  purchasable: 'It can be ordered from existing services by a purchaser, without the customer’s mandate.',
};

const requirementForm = z
  .strictObject({
    kind: z.enum(REQUIREMENT_KINDS),
    title: z.string(),
    description: z.string(),
    raisedByContactId: z.string(),
    raisedByName: z.string(),
    raisedOn: z.string(),
    decisionRoute: z.enum(DECISION_ROUTES),
    discussedInMeetingId: z.string(),
  })
  .transform((v) => ({
    ...v,
    raisedByContactId: blankToNull(v.raisedByContactId),
    raisedByName: v.raisedByContactId ? '' : v.raisedByName,
    discussedInMeetingId: blankToNull(v.discussedInMeetingId),
  }))
  .pipe(requirementFieldsSchema);

export function RequirementDialog(props: {
  unit: BusinessUnit;
  requirement: Requirement | null;
  kind: RequirementKind;
  meetings: readonly MeetingOption[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { notify } = useNotify();
  const allContacts = useAppStore((s) => s.directory.contacts);
  const contacts = allContacts.filter((c) => c.unitId === props.unit.id);
  const r = props.requirement;
  const form = useForm(requirementForm, {
    kind: props.kind,
    title: r?.title ?? '',
    description: r?.description ?? '',
    raisedByContactId: r?.raisedByContactId ?? '',
    raisedByName: r?.raisedByName ?? '',
    raisedOn: r?.raisedOn ?? format(new Date(), 'yyyy-MM-dd'),
    decisionRoute: r?.decisionRoute ?? 'customer-decision',
    discussedInMeetingId: r?.discussedInMeetingId ?? '',
  });
  const v = form.values;
  const isProposal = v.kind === 'proposal';
  const save = () =>
    void form
      .submit(async (fields) => {
        if (r) await api.updateRequirement({ unitId: props.unit.id, id: r.id, fields });
        else await api.createRequirement({ unitId: props.unit.id, fields });
        notify(r ? `Saved ${fields.title}` : `Recorded ${fields.title}`);
        props.onSaved();
      })
      .then((ok) => ok && props.onClose());

  return (
    <FormDialog
      open
      title={r ? `Edit ${r.title}` : isProposal ? 'New improvement proposal' : 'New requirement'}
      submitLabel={r ? 'Save' : isProposal ? 'Add proposal' : 'Add requirement'}
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      <Field label="Kind">
        <ChoiceSelect
          value={v.kind}
          choices={REQUIREMENT_KINDS}
          labels={REQUIREMENT_KIND_LABELS}
          onChange={(value) => form.set('kind', value)}
        />
      </Field>
      <Field label="Title" required validationMessage={form.errors.title}>
        <Input value={v.title} onChange={(_, d) => form.set('title', d.value)} autoFocus />
      </Field>
      <Field label="Description" validationMessage={form.errors.description}>
        <Textarea
          value={v.description}
          onChange={(_, d) => form.set('description', d.value)}
          resize="vertical"
        />
      </Field>
      <FieldPair>
        <ContactPicker
          label="Raised by"
          value={v.raisedByContactId}
          contacts={contacts}
          noneLabel={isProposal ? 'The BRM' : 'Someone else'}
          error={form.errors.raisedByContactId}
          onChange={(id) => form.set('raisedByContactId', id)}
        />
        <Field label="Raised on" required validationMessage={form.errors.raisedOn}>
          <DateInput value={v.raisedOn} onChange={(value) => form.set('raisedOn', value)} />
        </Field>
      </FieldPair>
      {v.raisedByContactId ? null : (
        <Field
          label="Raised by (name)"
          hint={isProposal ? 'Leave empty for your own proposal.' : 'Someone not in the unit’s contacts.'}
          validationMessage={form.errors.raisedByName}
        >
          <Input value={v.raisedByName} onChange={(_, d) => form.set('raisedByName', d.value)} />
        </Field>
      )}
      <Field label="Who decides" hint={ROUTE_HINTS[v.decisionRoute]}>
        <RadioGroup
          value={v.decisionRoute}
          onChange={(_, d) => form.set('decisionRoute', d.value as DecisionRoute)}
        >
          {DECISION_ROUTES.map((route) => (
            <Radio key={route} value={route} label={DECISION_ROUTE_LABELS[route]} />
          ))}
        </RadioGroup>
      </Field>
      <MeetingPicker
        label="Discussed in"
        value={v.discussedInMeetingId}
        meetings={props.meetings}
        error={form.errors.discussedInMeetingId}
        onChange={(id) => form.set('discussedInMeetingId', id)}
      />
    </FormDialog>
  );
}

const statusForm = z.strictObject({
  status: z.enum(REQUIREMENT_STATUSES),
  date: requiredDate('Give the date of the change.'),
  note: z.string().max(2_000),
});

/** The next status a requirement usually moves to, as the default of the status picker. */
const NEXT: Record<RequirementStatus, RequirementStatus> = {
  raised: 'analysing',
  analysing: 'awaiting-decision',
  'awaiting-decision': 'approved',
  approved: 'delivered',
  rejected: 'rejected',
  delivered: 'delivered',
  withdrawn: 'withdrawn',
};

export function StatusDialog(props: {
  unitId: string;
  requirement: Requirement;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { notify } = useNotify();
  const r = props.requirement;
  const form = useForm(statusForm, {
    status: NEXT[r.status],
    date: format(new Date(), 'yyyy-MM-dd'),
    note: '',
  });
  const v = form.values;
  const save = () =>
    void form
      .submit(async (change) => {
        await api.changeRequirementStatus({ unitId: props.unitId, id: r.id, ...change });
        notify(`${r.title}: ${REQUIREMENT_STATUS_LABELS[change.status]}`);
        props.onSaved();
      })
      .then((ok) => ok && props.onClose());
  return (
    <FormDialog
      open
      title={`Status of ${r.title}`}
      submitLabel="Record status"
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      <Table size="extra-small" aria-label="Status history">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 100 }}>Date</TableHeaderCell>
            <TableHeaderCell style={{ width: 150 }}>Status</TableHeaderCell>
            <TableHeaderCell>Note</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {r.history.map((h) => (
            <TableRow key={h.id}>
              <TableCell>{formatDate(h.date)}</TableCell>
              <TableCell>{REQUIREMENT_STATUS_LABELS[h.status]}</TableCell>
              <TableCell style={{ overflowWrap: 'anywhere' }}>{h.note}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <FieldPair>
        <Field label="New status" validationMessage={form.errors.status}>
          <ChoiceSelect
            value={v.status}
            choices={REQUIREMENT_STATUSES}
            labels={REQUIREMENT_STATUS_LABELS}
            onChange={(value) => form.set('status', value)}
          />
        </Field>
        <Field label="Date" required validationMessage={form.errors.date}>
          <DateInput value={v.date} onChange={(value) => form.set('date', value)} />
        </Field>
      </FieldPair>
      <Field
        label="Note"
        hint="What was decided, by whom, or what was delivered."
        validationMessage={form.errors.note}
      >
        <Textarea value={v.note} onChange={(_, d) => form.set('note', d.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}
