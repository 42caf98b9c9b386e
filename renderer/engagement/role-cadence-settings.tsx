import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { CONTACT_ROLES, CONTACT_ROLE_LABELS, type ContactRole } from '../../shared/domain/customers';
import { roleCadenceSchema, type RoleCadence } from '../../shared/domain/engagement';
import { fieldErrorsOf } from '../../shared/contract/define';
import { api } from '../platform/workbook-api';
import { useLoad } from '../ui/use-load';
import { Section } from '../ui/page';
import { useNotify } from '../ui/toast';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(5, minmax(0, 1fr))', gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground3 },
});

type Draft = Record<ContactRole, string>;
const toDraft = (c: RoleCadence): Draft =>
  Object.fromEntries(CONTACT_ROLES.map((r) => [r, c[r] === null ? '' : String(c[r])])) as Draft;
/** An empty field is "no target"; anything else must be a whole number (the schema says which are not). */
const fromDraft = (d: Draft) =>
  Object.fromEntries(CONTACT_ROLES.map((r) => [r, d[r].trim() === '' ? null : Number(d[r])]));

/** Settings: the target cadence per role, which contacts inherit unless they have their own. */
export function RoleCadenceSettings() {
  const styles = useStyles();
  const { notify, notifyError } = useNotify();
  const { data } = useLoad(() => api.getRoleCadence({}), []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (data) setDraft(toDraft(data));
  }, [data]);
  if (!draft) return null;

  const save = () => {
    const parsed = roleCadenceSchema.safeParse(fromDraft(draft));
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors({});
    api
      .setRoleCadence({ cadence: parsed.data })
      .then((saved) => {
        setDraft(toDraft(saved));
        notify('Target cadences saved');
      })
      .catch(notifyError);
  };

  return (
    <Section title="Engagement cadence" actions={<Button onClick={save}>Save cadences</Button>}>
      <Text className={styles.hint}>
        How often to meet each role, in months; leave a field empty for no target. A contact can have its own
        cadence on its unit’s stakeholder map.
      </Text>
      <div className={styles.grid}>
        {CONTACT_ROLES.map((role) => (
          <Field key={role} label={`${CONTACT_ROLE_LABELS[role]} (months)`} validationMessage={errors[role]}>
            <Input
              inputMode="numeric"
              value={draft[role]}
              onChange={(_, d) => setDraft({ ...draft, [role]: d.value })}
            />
          </Field>
        ))}
      </div>
    </Section>
  );
}
