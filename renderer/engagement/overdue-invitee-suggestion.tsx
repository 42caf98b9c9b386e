import { Button, MessageBar, MessageBarActions, MessageBarBody, Text } from '@fluentui/react-components';
import { overdueFirst } from '../../shared/domain/engagement';
import { api } from '../platform/workbook-api';
import { useLoad } from '../ui/use-load';
import { overdueText } from './engagement-labels';

/**
 * Planning a meeting: the unit's contacts whose cadence has lapsed, offered as invitees. Only those not
 * invited yet are shown; inviting ticks the contact's checkbox in the plan (`onInvite`).
 */
export function OverdueInviteeSuggestion(props: {
  unitId: string;
  invitedContactIds: readonly string[];
  onInvite: (contactId: string) => void;
}) {
  const { data } = useLoad(
    () => (props.unitId ? api.listEngagement({ unitId: props.unitId }) : Promise.resolve([])),
    [props.unitId],
  );
  const suggested = overdueFirst(data ?? []).filter((r) => !props.invitedContactIds.includes(r.contactId));
  if (suggested.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" aria-label="Overdue contacts to invite">
      <MessageBarBody>
        <Text weight="semibold">Overdue to meet: </Text>
        {suggested.map((r) => `${r.name} (${overdueText(r.overdueDays)})`).join(', ')}
      </MessageBarBody>
      <MessageBarActions>
        {suggested.map((r) => (
          <Button key={r.contactId} size="small" onClick={() => props.onInvite(r.contactId)}>
            Invite {r.name}
          </Button>
        ))}
      </MessageBarActions>
    </MessageBar>
  );
}
