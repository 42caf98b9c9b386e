import { Button, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { newId } from '../../shared/domain/ids';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_TYPES,
  AGREEMENT_TYPE_LABELS,
  FINANCING_PERIODS,
  FINANCING_PERIOD_LABELS,
  TARGET_DIRECTIONS,
  TARGET_DIRECTION_SYMBOLS,
  agreementFieldsSchema,
  emptyAgreementFields,
  type AgreedService,
  type Agreement,
  type AgreementFields,
  type AgreementStatus,
  type AgreementType,
  type FinancingPeriod,
  type ServiceLevel,
  type TargetDirection,
} from '../../shared/domain/registers';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { DateField } from '../ui/date-field';
import { FieldRow } from '../ui/field-row';
import { NumberInput } from '../ui/number-input';
import { UnitSelectField, useUnitChoice } from '../ui/unit-filter';
import { AgreementDecisions } from '../app/feature-parts';
import { FormDialog } from '../ui/form-dialog';
import { useNotify } from '../ui/toast';
import { useDialogForm } from '../ui/use-dialog-form';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  groupTitle: { fontWeight: tokens.fontWeightSemibold },
  groupHint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  service: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  serviceHeader: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  grow: { flex: 1 },
});

/** Metric, direction, target, unit, remove. */
const LEVEL_COLUMNS = 'minmax(0, 2fr) 72px minmax(0, 1fr) minmax(0, 1fr) 32px';

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

const newLevel = (): ServiceLevel => ({
  id: newId(),
  metric: '',
  target: 0,
  unit: '%',
  direction: 'at-least',
});

/** Creates or edits an agreement: its services and levels, financing, dates, signatories and reference. */
export function AgreementDialog(props: {
  open: boolean;
  agreement?: Agreement;
  defaultUnitId: string | null;
  onClose: () => void;
  onSaved: (agreement: Agreement) => void;
}) {
  const styles = useStyles();
  const { notify } = useNotify();
  const contacts = useAppStore((s) => s.directory.contacts);
  const initial = () => (props.agreement ? fieldsOf(props.agreement) : emptyAgreementFields());
  const startUnit = props.agreement?.unitId ?? props.defaultUnitId ?? '';
  const { unitId, unitError, chooseUnit, isUnitChosen } = useUnitChoice(startUnit);
  const [signatoriesText, setSignatoriesText] = useState('');
  const form = useDialogForm(agreementFieldsSchema, props.open, initial, (fields) => {
    chooseUnit(startUnit);
    setSignatoriesText(fields.itSignatories.join(', '));
  });

  const unitContacts = useMemo(() => contacts.filter((c) => c.unitId === unitId), [contacts, unitId]);
  const v = form.values;
  const e = form.errors;
  const services = v.services;
  const setServices = (next: AgreedService[]) => form.set('services', next);
  const patchService = (index: number, change: Partial<AgreedService>) =>
    setServices(services.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const patchLevel = (si: number, li: number, change: Partial<ServiceLevel>) =>
    patchService(si, {
      levels: (services[si]?.levels ?? []).map((l, i) => (i === li ? { ...l, ...change } : l)),
    });

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
          <Select value={v.type} onChange={(_, d) => form.set('type', d.value as AgreementType)}>
            {AGREEMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {AGREEMENT_TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Status" validationMessage={e.status}>
          <Select value={v.status} onChange={(_, d) => form.set('status', d.value as AgreementStatus)}>
            {AGREEMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {AGREEMENT_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
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

      <section className={styles.group} aria-label="Services and service levels">
        <Text className={styles.groupTitle}>Services and service levels</Text>
        {services.length === 0 ? (
          <Text className={styles.groupHint}>No services yet: add the services this agreement covers.</Text>
        ) : null}
        {services.map((service, si) => (
          <div key={service.id} className={styles.service}>
            <div className={styles.serviceHeader}>
              <Field
                label={`Service ${si + 1}`}
                className={styles.grow}
                validationMessage={e[`services.${si}.name`]}
              >
                <Input value={service.name} onChange={(_, d) => patchService(si, { name: d.value })} />
              </Field>
              <Button
                appearance="subtle"
                icon={<Delete16Regular />}
                aria-label={`Remove service ${service.name || si + 1}`}
                onClick={() => setServices(services.filter((_, i) => i !== si))}
              />
            </div>
            {service.levels.length ? (
              <FieldRow columns={LEVEL_COLUMNS}>
                <Text className={styles.groupHint}>Metric</Text>
                <Text className={styles.groupHint}>Is</Text>
                <Text className={styles.groupHint}>Target</Text>
                <Text className={styles.groupHint}>Unit</Text>
              </FieldRow>
            ) : null}
            {service.levels.map((level, li) => {
              const at = `services.${si}.levels.${li}`;
              const name = `${service.name || `service ${si + 1}`}, level ${li + 1}`;
              return (
                <FieldRow key={level.id} columns={LEVEL_COLUMNS}>
                  <Field size="small" validationMessage={e[`${at}.metric`]}>
                    <Input
                      size="small"
                      aria-label={`Metric of ${name}`}
                      value={level.metric}
                      placeholder="Availability"
                      onChange={(_, d) => patchLevel(si, li, { metric: d.value })}
                    />
                  </Field>
                  <Field size="small">
                    <Select
                      size="small"
                      aria-label={`Direction of ${name}`}
                      value={level.direction}
                      onChange={(_, d) => patchLevel(si, li, { direction: d.value as TargetDirection })}
                    >
                      {TARGET_DIRECTIONS.map((dir) => (
                        <option key={dir} value={dir}>
                          {TARGET_DIRECTION_SYMBOLS[dir]}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field size="small" validationMessage={e[`${at}.target`]}>
                    <NumberInput
                      size="small"
                      aria-label={`Target of ${name}`}
                      value={level.target}
                      onValueChange={(n) => patchLevel(si, li, { target: n ?? Number.NaN })}
                    />
                  </Field>
                  <Field size="small" validationMessage={e[`${at}.unit`]}>
                    <Input
                      size="small"
                      aria-label={`Unit of ${name}`}
                      value={level.unit}
                      placeholder="%"
                      onChange={(_, d) => patchLevel(si, li, { unit: d.value })}
                    />
                  </Field>
                  <Button
                    appearance="subtle"
                    size="small"
                    icon={<Delete16Regular />}
                    aria-label={`Remove ${name}`}
                    onClick={() => patchService(si, { levels: service.levels.filter((_, i) => i !== li) })}
                  />
                </FieldRow>
              );
            })}
            <div>
              <Button
                size="small"
                appearance="subtle"
                icon={<Add16Regular />}
                onClick={() => patchService(si, { levels: [...service.levels, newLevel()] })}
              >
                Add service level
              </Button>
            </div>
          </div>
        ))}
        <div>
          <Button
            size="small"
            icon={<Add16Regular />}
            onClick={() => setServices([...services, { id: newId(), name: '', levels: [newLevel()] }])}
          >
            Add service
          </Button>
        </div>
      </section>

      <section className={styles.group} aria-label="Financing">
        <Text className={styles.groupTitle}>Financing</Text>
        <FieldRow>
          <Field label="Amount" validationMessage={e['financing.amount']}>
            <NumberInput
              value={v.financing.amount}
              onValueChange={(n) => form.set('financing', { ...v.financing, amount: n })}
            />
          </Field>
          <Field label="Currency" validationMessage={e['financing.currency']}>
            <Input
              value={v.financing.currency}
              maxLength={3}
              onChange={(_, d) => form.set('financing', { ...v.financing, currency: d.value.toUpperCase() })}
            />
          </Field>
          <Field label="Period">
            <Select
              value={v.financing.period}
              onChange={(_, d) =>
                form.set('financing', { ...v.financing, period: d.value as FinancingPeriod })
              }
            >
              {FINANCING_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {FINANCING_PERIOD_LABELS[p]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Cost centre" validationMessage={e['financing.costCentre']}>
            <Input
              value={v.financing.costCentre}
              onChange={(_, d) => form.set('financing', { ...v.financing, costCentre: d.value })}
            />
          </Field>
        </FieldRow>
      </section>

      <FieldRow>
        <Field
          label="Signed for the business by"
          validationMessage={e.customerContactId}
          hint={unitContacts.length ? undefined : 'Add the unit’s customer first.'}
        >
          <Select
            value={v.customerContactId ?? ''}
            onChange={(_, d) => form.set('customerContactId', d.value || null)}
          >
            <option value="">Not signed yet</option>
            {unitContacts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.role === 'customer' ? ' (customer)' : ''}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Signed for IT by"
          hint="Separate names with commas."
          validationMessage={e.itSignatories}
        >
          <Input
            value={signatoriesText}
            onChange={(_, d) => {
              setSignatoriesText(d.value);
              form.set(
                'itSignatories',
                d.value
                  .split(',')
                  .map((n) => n.trim())
                  .filter(Boolean),
              );
            }}
          />
        </Field>
      </FieldRow>
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
