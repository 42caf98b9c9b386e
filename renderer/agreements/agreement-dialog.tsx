import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_TYPES,
  AGREEMENT_TYPE_LABELS,
  agreementFieldsSchema,
  emptyAgreementFields,
  type Agreement,
  type AgreementFields,
} from '../../shared/domain/registers';
import { api } from '../platform/workbook-api';
import { DateField } from '../ui/date-field';
import { FieldRow } from '../ui/field-row';
import { UnitSelectField, useUnitChoice } from '../ui/unit-filter';
import { AgreementDecisions } from '../app/feature-parts';
import { FormDialog } from '../ui/form-dialog';
import { useNotify } from '../ui/toast';
import { useDialogForm } from '../ui/use-dialog-form';
import { AgreedServicesFieldset, FinancingFieldset, SignatoriesFields } from './agreement-fieldsets';
import { ChoiceSelect } from '../ui/choice-select';

const fieldsOf = (a: Agreement): AgreementFields => {
  const { type, title, services, financing, startDate, endDate, reviewDate, status } = a;
  const { customerContactId, itSignatories, complaintDefinition, reference } = a;
  return {
    type,
    title,
    services,
    financing,
    startDate,
    endDate,
    reviewDate,
    status,
    customerContactId,
    itSignatories,
    complaintDefinition,
    reference,
  };
};

/** "Ann Lee, Raj Patel" → the names, as the BRM separated them with commas. */
const namesIn = (text: string) =>
  text
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);

/** Creates or edits an agreement: its services and levels, financing, dates, signatories and reference. */
export function AgreementDialog(props: {
  open: boolean;
  agreement?: Agreement;
  defaultUnitId: string | null;
  onClose: () => void;
  onSaved: (agreement: Agreement) => void;
}) {
  const { notify } = useNotify();
  const initial = () => (props.agreement ? fieldsOf(props.agreement) : emptyAgreementFields());
  const startUnit = props.agreement?.unitId ?? props.defaultUnitId ?? '';
  const { unitId, unitError, chooseUnit, isUnitChosen } = useUnitChoice(startUnit);
  const [signatoriesText, setSignatoriesText] = useState('');
  const form = useDialogForm(agreementFieldsSchema, props.open, initial, (fields) => {
    chooseUnit(startUnit);
    setSignatoriesText(fields.itSignatories.join(', '));
  });

  const v = form.values;
  const e = form.errors;

  const save = () => {
    if (!isUnitChosen('Choose the unit this agreement is with.')) return;
    void form
      .submit(async (fields) => {
        const saved = props.agreement
          ? await api.updateAgreement({ unitId, id: props.agreement.id, fields })
          : await api.createAgreement({ unitId, fields });
        notify(props.agreement ? `Saved ${saved.title}` : `Added ${saved.title}`);
        props.onSaved(saved);
      })
      .then((ok) => ok && props.onClose());
  };

  return (
    <FormDialog
      open={props.open}
      title={props.agreement ? `Edit ${props.agreement.title}` : 'New agreement'}
      submitLabel={props.agreement ? 'Save' : 'Add agreement'}
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
      width={820}
    >
      <UnitSelectField
        value={unitId}
        disabled={Boolean(props.agreement)}
        error={unitError}
        onChange={(id) => {
          chooseUnit(id);
          form.set('customerContactId', null);
        }}
      />
      <Field label="Title" required validationMessage={e.title}>
        <Input value={v.title} onChange={(_, d) => form.set('title', d.value)} autoFocus />
      </Field>
      <FieldRow>
        <Field label="Type" validationMessage={e.type}>
          <ChoiceSelect
            value={v.type}
            choices={AGREEMENT_TYPES}
            labels={AGREEMENT_TYPE_LABELS}
            onChange={(value) => form.set('type', value)}
          />
        </Field>
        <Field label="Status" validationMessage={e.status}>
          <ChoiceSelect
            value={v.status}
            choices={AGREEMENT_STATUSES}
            labels={AGREEMENT_STATUS_LABELS}
            onChange={(value) => form.set('status', value)}
          />
        </Field>
      </FieldRow>
      <FieldRow>
        <DateField
          label="Start date"
          value={v.startDate}
          onChange={(d) => form.set('startDate', d)}
          error={e.startDate}
        />
        <DateField
          label="End date"
          value={v.endDate}
          onChange={(d) => form.set('endDate', d)}
          error={e.endDate}
        />
        <DateField
          label="Review date"
          value={v.reviewDate}
          onChange={(d) => form.set('reviewDate', d)}
          error={e.reviewDate}
        />
      </FieldRow>

      <AgreedServicesFieldset
        services={v.services}
        errors={e}
        onChange={(services) => form.set('services', services)}
      />
      <FinancingFieldset
        financing={v.financing}
        errors={e}
        onChange={(financing) => form.set('financing', financing)}
      />

      <SignatoriesFields
        unitId={unitId}
        customerContactId={v.customerContactId}
        signatoriesText={signatoriesText}
        errors={e}
        onCustomerChange={(id) => form.set('customerContactId', id)}
        onSignatoriesChange={(text) => {
          setSignatoriesText(text);
          form.set('itSignatories', namesIn(text));
        }}
      />
      <Field
        label="Agreed definition of a complaint"
        hint="What the customer and IT agreed counts as a complaint."
        validationMessage={e.complaintDefinition}
      >
        <Textarea
          value={v.complaintDefinition}
          resize="vertical"
          onChange={(_, d) => form.set('complaintDefinition', d.value)}
        />
      </Field>
      <Field
        label="Reference or link"
        hint="An https:// link to the signed document, or a reference such as a contract number."
        validationMessage={e.reference}
      >
        <Input value={v.reference} onChange={(_, d) => form.set('reference', d.value)} />
      </Field>
      {props.agreement ? <AgreementDecisions agreement={props.agreement} /> : null}
    </FormDialog>
  );
}
