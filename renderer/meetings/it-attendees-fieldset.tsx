import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import { newId } from '../../shared/domain/ids';
import type { Invitee } from '../../shared/domain/meetings';
import { IT_ROLE_SUGGESTIONS } from './meeting-labels';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    border: 'none',
    padding: 0,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  itRow: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
});

/**
 * IT attendees invited by name (IT-stakeholder contacts of the unit are ticked with the other contacts).
 * `invitees` is the whole list; only the IT people without a contact are edited here.
 */
export function ItAttendeesFieldset(props: {
  invitees: readonly Invitee[];
  errors: Record<string, string>;
  onChange: (invitees: Invitee[]) => void;
}) {
  const styles = useStyles();
  const { invitees } = props;
  const itInvitees = invitees.filter((i) => i.side === 'it' && i.contactId === null);
  const update = (id: string, change: Partial<Invitee>) =>
    props.onChange(invitees.map((i) => (i.id === id ? { ...i, ...change } : i)));
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>IT attendees</legend>
      <datalist id="it-role-suggestions">
        {IT_ROLE_SUGGESTIONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      {itInvitees.map((invitee, index) => (
        <div key={invitee.id} className={styles.itRow}>
          <Field
            label={`IT attendee ${index + 1} name`}
            validationMessage={props.errors[`invitees.${invitees.indexOf(invitee)}.name`]}
          >
            <Input value={invitee.name} onChange={(_, d) => update(invitee.id, { name: d.value })} />
          </Field>
          <Field label={`IT attendee ${index + 1} role`}>
            <Input
              list="it-role-suggestions"
              value={invitee.role}
              onChange={(_, d) => update(invitee.id, { role: d.value })}
            />
          </Field>
          <Button
            appearance="subtle"
            icon={<Delete20Regular />}
            aria-label={`Remove IT attendee ${index + 1}`}
            onClick={() => props.onChange(invitees.filter((i) => i.id !== invitee.id))}
          />
        </div>
      ))}
      <div>
        <Button
          icon={<Add20Regular />}
          onClick={() =>
            props.onChange([...invitees, { id: newId(), contactId: null, name: '', side: 'it', role: '' }])
          }
        >
          Add IT attendee
        </Button>
      </div>
    </fieldset>
  );
}
