import { Badge } from '@fluentui/react-components';
import { describeDue, type AgreementDue } from '../../shared/domain/register-rules';

/** "Review in 23 days" in amber; "Review overdue by 5 days" in red. */
export function DueBadge({ due }: { due: AgreementDue }) {
  return (
    <Badge appearance="tint" color={due.days < 0 ? 'danger' : 'warning'} size="small">
      {describeDue(due)}
    </Badge>
  );
}
