import { Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CONTACT_ROLE_LABELS, type Contact } from '../../shared/domain/customers';
import type { Invitee } from '../../shared/domain/meetings';
import { OverdueInviteeSuggestion } from '../app/feature-parts';

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
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/**
 * The unit's contacts to tick as invitees, those overdue to meet suggested first. `invitees` is the whole
 * list; a contact is invited while an invitee carries its id.
 */
export function BusinessInviteesFieldset(props: {
  unitId: string;
  contacts: readonly Contact[];
  invitees: readonly Invitee[];
  onToggle: (contactId: string, invited: boolean) => void;
}) {
  const styles = useStyles();
  const { invitees } = props;
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>Invite from the business</legend>
      <OverdueInviteeSuggestion
        unitId={props.unitId}
        invitedContactIds={invitees.flatMap((i) => (i.contactId ? [i.contactId] : []))}
        onInvite={(id) => props.onToggle(id, true)}
      />
      {props.contacts.length ? (
        props.contacts.map((c) => (
          <Checkbox
            key={c.id}
            label={`${c.name} (${CONTACT_ROLE_LABELS[c.role]}${c.title ? `, ${c.title}` : ''})`}
            checked={invitees.some((i) => i.contactId === c.id)}
            onChange={(_, d) => props.onToggle(c.id, d.checked === true)}
          />
        ))
      ) : (
        <Text className={styles.hint}>
          {props.unitId ? 'This unit has no contacts yet.' : 'Choose a unit to see its contacts.'}
        </Text>
      )}
    </fieldset>
  );
}
