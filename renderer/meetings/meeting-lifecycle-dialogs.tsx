import { Field, MessageBar, MessageBarBody, MessageBarTitle, Textarea } from '@fluentui/react-components';
import { useMemo } from 'react';
import { z } from 'zod';
import { LIMITS } from '../../shared/domain/common';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { api } from '../platform/workbook-api';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { formDrafts } from '../ui/form-drafts';
import { FormDialog } from '../ui/form-dialog';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';

/**
 * Finalising makes the minutes read-only, so it first names every form of the meeting that holds typed but
 * unsaved text (a half-entered action, a decision, an update, a comment): finalising anyway discards them.
 */
export function FinaliseDialog(props: {
  open: boolean;
  meetingId: string;
  /** Why finalising now is odd (the meeting is dated after today), for the BRM to confirm; null if not. */
  futureWarning: string | null;
  onClose: () => void;
  /** Finalises once the minutes are stored. */
  onFinalise: () => Promise<void>;
}) {
  const unsaved = useMemo(
    () => (props.open ? formDrafts().unsaved(props.meetingId) : []),
    [props.open, props.meetingId],
  );
  return (
    <ConfirmDialog
      open={props.open}
      title="Finalise the minutes?"
      confirmLabel={unsaved.length ? 'Finalise and discard them' : 'Finalise minutes'}
      onClose={props.onClose}
      onConfirm={async () => {
        await props.onFinalise();
        await formDrafts().discard(props.meetingId);
      }}
    >
      {unsaved.length ? (
        <MessageBar intent="warning" layout="multiline" style={{ marginBottom: 12 }}>
          <MessageBarBody>
            <MessageBarTitle>Typed but not saved</MessageBarTitle>
            <ul aria-label="Not saved" style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {unsaved.map((d) => (
                <li key={d.key}>{d.label}</li>
              ))}
            </ul>
            Save them first (Cancel, then Add or Record), or finalise and lose them.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {props.futureWarning ? <strong>{props.futureWarning} </strong> : null}
      The minutes become read-only and the actions reviewed in this meeting are fixed in its record. They can
      be reopened later; the reason is kept in the meeting&apos;s history.
    </ConfirmDialog>
  );
}

const reopenSchema = z.strictObject({
  reason: z.string().trim().min(1, 'Say why the minutes are reopened.').max(LIMITS.shortText),
});

/** Reopening finalised minutes asks for the reason, which the meeting's history keeps. */
export function ReopenDialog(props: {
  open: boolean;
  meetingId: string;
  onClose: () => void;
  onDetail: (detail: MeetingDetail) => void;
}) {
  const { notify } = useNotify();
  const form = useForm(reopenSchema, { reason: '' });
  return (
    <FormDialog
      open={props.open}
      title="Reopen the minutes"
      submitLabel="Reopen minutes"
      saving={form.saving}
      formError={form.formError}
      onClose={props.onClose}
      onSubmit={() =>
        void form
          .submit(async ({ reason }) => {
            props.onDetail(await api.reopenMeeting({ id: props.meetingId, reason }));
            notify('Minutes reopened');
          })
          .then((ok) => {
            if (ok) {
              props.onClose();
              form.reset({ reason: '' });
            }
          })
      }
    >
      <Field label="Reason for reopening" required validationMessage={form.errors.reason}>
        <Textarea value={form.values.reason} onChange={(_, d) => form.set('reason', d.value)} rows={3} />
      </Field>
    </FormDialog>
  );
}
