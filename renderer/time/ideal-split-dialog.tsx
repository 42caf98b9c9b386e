import { Button, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { z } from 'zod';
import { type RegisterSettings } from '../../shared/domain/registers';
import {
  DEFAULT_IDEAL_SPLIT,
  PROCESS_ACTIVITIES,
  RELATIONSHIP_ACTIVITIES,
  TIME_ACTIVITIES,
  TIME_ACTIVITY_LABELS,
  idealSplitSchema,
  type IdealSplit,
  type TimeActivity,
} from '../../shared/domain/time-log';
import { api } from '../platform/workbook-api';
import { NumberInput } from '../ui/number-input';
import { FormDialog } from '../ui/form-dialog';
import { useNotify } from '../ui/toast';
import { useDialogForm } from '../ui/use-dialog-form';

const useStyles = makeStyles({
  columns: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalXL },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { fontWeight: tokens.fontWeightSemibold },
  total: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  off: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

const schema = z.strictObject({ split: idealSplitSchema });

/** Where the BRM's time should go, in percent per activity; the nine shares add up to 100. */
export function IdealSplitDialog(props: {
  open: boolean;
  split: IdealSplit;
  onClose: () => void;
  onSaved: (settings: RegisterSettings) => void;
}) {
  const styles = useStyles();
  const { notify } = useNotify();
  const form = useDialogForm(schema, props.open, () => ({ split: { ...props.split } }));

  const split = form.values.split;
  const sumOf = (activities: readonly TimeActivity[]) =>
    Math.round(activities.reduce((sum, a) => sum + (Number.isFinite(split[a]) ? split[a] : 0), 0) * 10) / 10;
  const total = sumOf(TIME_ACTIVITIES);
  const set = (activity: TimeActivity, value: number) => form.set('split', { ...split, [activity]: value });

  const save = () =>
    void form
      .submit(async (fields) => {
        props.onSaved(await api.updateIdealSplit({ split: fields.split }));
        notify('Ideal split saved');
      })
      .then((ok) => ok && props.onClose());

  const column = (title: string, activities: readonly TimeActivity[]) => (
    <div className={styles.column}>
      <Text className={styles.heading}>
        {title}: {sumOf(activities)} %
      </Text>
      {activities.map((a) => (
        <Field
          key={a}
          label={`${TIME_ACTIVITY_LABELS[a]} (%)`}
          orientation="horizontal"
          validationMessage={form.errors[`split.${a}`]}
        >
          <NumberInput value={split[a]} onValueChange={(n) => set(a, n ?? 0)} />
        </Field>
      ))}
    </div>
  );

  return (
    <FormDialog
      open={props.open}
      title="Ideal split of your time"
      submitLabel="Save ideal split"
      saving={form.saving}
      formError={form.formError === null ? null : (form.errors.split ?? form.formError)}
      onSubmit={save}
      onClose={props.onClose}
      width={820}
    >
      <div className={styles.columns}>
        {column('Relationship-centric', RELATIONSHIP_ACTIVITIES)}
        {column('Process-centric', PROCESS_ACTIVITIES)}
      </div>
      <div className={styles.total}>
        <Text className={Math.abs(total - 100) < 0.01 ? styles.ok : styles.off} role="status">
          Total {total} % {Math.abs(total - 100) < 0.01 ? '' : '(must be 100 %)'}
        </Text>
        <Button appearance="subtle" onClick={() => form.set('split', { ...DEFAULT_IDEAL_SPLIT })}>
          Restore the suggested split
        </Button>
      </div>
    </FormDialog>
  );
}
