import { Button } from '@fluentui/react-components';
import { CalendarLtr20Regular } from '@fluentui/react-icons';
import type { BusinessUnit } from '../../shared/domain/customers';
import { api } from '../platform/workbook-api';
import { offerDownload } from '../ui/offer-download';
import { EmptyText, Section } from '../ui/page';
import { useNotify } from '../ui/toast';

/** On a unit's page: its open actions as all-day calendar entries on their due dates (for Outlook). */
export function ActionsCalendarSection({ unit }: { unit: BusinessUnit }) {
  const { notify, notifyError } = useNotify();
  const run = async () => {
    try {
      const saved = await api.exportActionsCalendar({ unitId: unit.id });
      if (!saved.savedTo) return;
      offerDownload(saved);
      notify(`${saved.count} open actions saved to ${saved.savedTo}`);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Section
      title="Calendar"
      actions={
        <Button icon={<CalendarLtr20Regular />} onClick={() => void run()}>
          Open actions to calendar
        </Button>
      }
    >
      <EmptyText>
        Open actions as all-day entries on their due dates, to import into Outlook or any calendar.
      </EmptyText>
    </Section>
  );
}
