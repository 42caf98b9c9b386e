import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import {
  TIME_ACTIVITY_LABELS,
  timeEntryFieldsSchema,
  type TimeEntry,
  type TimeEntryFields,
} from '../../shared/domain/time-log';
import { api } from '../platform/workbook-api';
import { todayIso } from '../ui/format';
import { FormDialog } from '../ui/form-dialog';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';
import { TimeEntryInputs } from './time-entry-fields';

const useStyles = makeStyles({
  logRow: {
    display: 'grid',
    gridTemplateColumns: '160px 240px 110px minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  logButton: { marginTop: '22px' },
  note: { minWidth: 0 },
});

const newEntry = (): TimeEntryFields => ({
  date: todayIso(),
  activity: 'demand-shaping',
  hours: 1,
  note: '',
});

/**
 * The quick log row: after logging, the row keeps its date and activity, so a day's time is logged entry
 * after entry.
 */
export function LogTimeForm(props: { onLogged: () => Promise<void> }) {
  const styles = useStyles();
  const { notify } = useNotify();
  const log = useForm(timeEntryFieldsSchema, newEntry());

  const submitLog = () =>
    void log.submit(async (fields) => {
      await api.createTimeEntry({ fields });
      notify(`Logged ${fields.hours} h of ${TIME_ACTIVITY_LABELS[fields.activity].toLowerCase()}`);
      log.reset({ ...newEntry(), date: fields.date, activity: fields.activity });
      await props.onLogged();
    });

  return (
    <>
      <form
        className={styles.logRow}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submitLog();
        }}
      >
        <TimeEntryInputs values={log.values} errors={log.errors} set={log.set} noteClassName={styles.note} />
        <Button appearance="primary" type="submit" className={styles.logButton} disabled={log.saving}>
          Log time
        </Button>
      </form>
      {log.formError && Object.keys(log.errors).length === 0 ? (
        <MessageBar intent="error">
          <MessageBarBody>{log.formError}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

export function EditEntryDialog(props: {
  entry: TimeEntry | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { notify } = useNotify();
  const form = useForm(timeEntryFieldsSchema, newEntry());
  const { reset } = form;
  const { entry } = props;
  useEffect(() => {
    if (entry) reset({ date: entry.date, activity: entry.activity, hours: entry.hours, note: entry.note });
  }, [entry, reset]);
  const save = () =>
    void form
      .submit(async (fields) => {
        if (!entry) return;
        await api.updateTimeEntry({ id: entry.id, fields });
        notify('Saved the entry');
        props.onSaved();
      })
      .then((ok) => ok && props.onClose());
  return (
    <FormDialog
      open={entry !== null}
      title="Edit time entry"
      submitLabel="Save"
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      <TimeEntryInputs values={form.values} errors={form.errors} set={form.set} />
    </FormDialog>
  );
}
