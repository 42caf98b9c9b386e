import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { newId } from '../../shared/domain/ids';
import { useAppStore } from '../app/store';
import {
  FINANCING_PERIODS,
  FINANCING_PERIOD_LABELS,
  TARGET_DIRECTIONS,
  TARGET_DIRECTION_SYMBOLS,
  type AgreedService,
  type Financing,
  type FinancingPeriod,
  type ServiceLevel,
  type TargetDirection,
} from '../../shared/domain/registers';
import { FieldRow } from '../ui/field-row';
import { NumberInput } from '../ui/number-input';

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

const newLevel = (): ServiceLevel => ({
  id: newId(),
  metric: '',
  target: 0,
  unit: '%',
  direction: 'at-least',
});

/**
 * The services an agreement covers, each with its service levels (metric, at least / at most, target, unit):
 * what the review pack later measures the month's results against.
 */
export function AgreedServicesFieldset(props: {
  services: AgreedService[];
  errors: Record<string, string>;
  onChange: (services: AgreedService[]) => void;
}) {
  const styles = useStyles();
  const { services } = props;
  const setServices = props.onChange;
  const patchService = (index: number, change: Partial<AgreedService>) =>
    setServices(services.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const patchLevel = (si: number, li: number, change: Partial<ServiceLevel>) =>
    patchService(si, {
      levels: (services[si]?.levels ?? []).map((l, i) => (i === li ? { ...l, ...change } : l)),
    });
  return (
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
              validationMessage={props.errors[`services.${si}.name`]}
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
                <Field size="small" validationMessage={props.errors[`${at}.metric`]}>
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
                <Field size="small" validationMessage={props.errors[`${at}.target`]}>
                  <NumberInput
                    size="small"
                    aria-label={`Target of ${name}`}
                    value={level.target}
                    onValueChange={(n) => patchLevel(si, li, { target: n ?? Number.NaN })}
                  />
                </Field>
                <Field size="small" validationMessage={props.errors[`${at}.unit`]}>
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
  );
}

/** What the agreement costs the business: amount, currency, period and the cost centre charged. */
export function FinancingFieldset(props: {
  financing: Financing;
  errors: Record<string, string>;
  onChange: (financing: Financing) => void;
}) {
  const styles = useStyles();
  return (
    <section className={styles.group} aria-label="Financing">
      <Text className={styles.groupTitle}>Financing</Text>
      <FieldRow>
        <Field label="Amount" validationMessage={props.errors['financing.amount']}>
          <NumberInput
            value={props.financing.amount}
            onValueChange={(n) => props.onChange({ ...props.financing, amount: n })}
          />
        </Field>
        <Field label="Currency" validationMessage={props.errors['financing.currency']}>
          <Input
            value={props.financing.currency}
            maxLength={3}
            onChange={(_, d) => props.onChange({ ...props.financing, currency: d.value.toUpperCase() })}
          />
        </Field>
        <Field label="Period">
          <Select
            value={props.financing.period}
            onChange={(_, d) => props.onChange({ ...props.financing, period: d.value as FinancingPeriod })}
          >
            {FINANCING_PERIODS.map((p) => (
              <option key={p} value={p}>
                {FINANCING_PERIOD_LABELS[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Cost centre" validationMessage={props.errors['financing.costCentre']}>
          <Input
            value={props.financing.costCentre}
            onChange={(_, d) => props.onChange({ ...props.financing, costCentre: d.value })}
          />
        </Field>
      </FieldRow>
    </section>
  );
}

/** Who signed: the business's signatory chosen from the unit's contacts, IT's typed as names. */
export function SignatoriesFields(props: {
  unitId: string;
  customerContactId: string | null;
  signatoriesText: string;
  errors: Record<string, string>;
  onCustomerChange: (contactId: string | null) => void;
  onSignatoriesChange: (text: string) => void;
}) {
  const contacts = useAppStore((s) => s.directory.contacts);
  const unitContacts = useMemo(
    () => contacts.filter((c) => c.unitId === props.unitId),
    [contacts, props.unitId],
  );
  return (
    <FieldRow>
      <Field
        label="Signed for the business by"
        validationMessage={props.errors.customerContactId}
        hint={unitContacts.length ? undefined : 'Add the unit’s customer first.'}
      >
        <Select
          value={props.customerContactId ?? ''}
          onChange={(_, d) => props.onCustomerChange(d.value || null)}
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
        validationMessage={props.errors.itSignatories}
      >
        <Input value={props.signatoriesText} onChange={(_, d) => props.onSignatoriesChange(d.value)} />
      </Field>
    </FieldRow>
  );
}
