import { Field, Input } from '@fluentui/react-components';
import { z } from 'zod';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { requiredName } from '../../shared/domain/common';
import type { AgendaItem } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FormDialog } from '../ui/form-dialog';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';

const itemSchema = z.strictObject({ title: requiredName('Item title') });

/**
 * A topic for this meeting only (a follow-up the customer asked for, an incident to discuss): appended to
 * its agenda; the template it was planned from stays as it is.
 */
export function AddAgendaItemDialog(props: {
  open: boolean;
  meetingId: string;
  onClose: () => void;
  onAdded: (detail: MeetingDetail) => void;
}) {
  const { notify } = useNotify();
  const form = useForm(itemSchema, { title: '' });
  const close = () => {
    form.reset({ title: '' });
    props.onClose();
  };
  return (
    <FormDialog
      open={props.open}
      title="Add an agenda item"
      submitLabel="Add item"
      saving={form.saving}
      formError={form.formError}
      onClose={close}
      onSubmit={() =>
        void form
          .submit(async ({ title }) => {
            props.onAdded(await api.addAgendaItem({ meetingId: props.meetingId, title }));
            notify(`Added "${title}" to the agenda`);
          })
          .then((ok) => (ok ? close() : undefined))
      }
    >
      <Field
        label="Item title"
        required
        validationMessage={form.errors.title}
        hint="Added at the end of this meeting's agenda only; the agenda template is not changed."
      >
        <Input value={form.values.title} onChange={(_, d) => form.set('title', d.value)} autoFocus />
      </Field>
    </FormDialog>
  );
}

/** Drops an item this meeting does not need; only an empty one (no minutes, decisions or actions). */
export function RemoveAgendaItemDialog(props: {
  item: AgendaItem | null;
  meetingId: string;
  onClose: () => void;
  onRemoved: (detail: MeetingDetail) => void;
}) {
  const { notify } = useNotify();
  const { item } = props;
  return (
    <ConfirmDialog
      open={item !== null}
      title={`Remove "${item?.title ?? ''}" from the agenda?`}
      confirmLabel="Remove item"
      onClose={props.onClose}
      onConfirm={async () => {
        if (!item) return;
        props.onRemoved(await api.removeAgendaItem({ meetingId: props.meetingId, itemId: item.id }));
        notify(`Removed "${item.title}" from the agenda`);
      }}
    >
      The item is taken off this meeting&apos;s agenda, the minutes and the exported documents. The agenda
      template keeps it for later meetings.
    </ConfirmDialog>
  );
}
