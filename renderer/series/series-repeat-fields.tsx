import {
  Checkbox,
  Field,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatDayLong } from '../../shared/domain/meeting-dates';
import { DateInput } from '../ui/typed-date-input';
import {
  SERIES_FREQUENCIES,
  describeSeriesRule,
  seriesDates,
  seriesRuleOf,
  seriesStartProblem,
  type SeriesFrequency,
  type SeriesRepeat,
} from '../../shared/domain/meeting-series';
import { NumberInput } from '../ui/number-input';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: 'none',
    padding: 0,
    margin: 0,
  },
  row: { display: 'grid', gridTemplateColumns: '2fr 1fr', gap: tokens.spacingHorizontalM },
  end: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export const DEFAULT_SERIES_REPEAT: SeriesRepeat = {
  frequency: 'monthly',
  interval: 1,
  count: 6,
  until: null,
};

const isDay = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);

/** The dates the repeat gives from `date`, or why it gives none: the BRM sees the series before planning it. */
function preview(date: string, repeat: SeriesRepeat): { dates: string[] } | { problem: string } {
  if (!isDay(date)) return { problem: 'Choose the date of the first meeting.' };
  const weekend = seriesStartProblem(date);
  if (weekend) return { problem: weekend };
  if (!Number.isInteger(repeat.interval) || repeat.interval < 1 || repeat.interval > 12) {
    return { problem: 'Repeat every 1 to 12.' };
  }
  if (repeat.count !== null && (!Number.isInteger(repeat.count) || repeat.count < 2 || repeat.count > 60)) {
    return { problem: 'A series has 2 to 60 meetings.' };
  }
  if (repeat.count === null && !isDay(repeat.until ?? '')) return { problem: 'Choose the end date.' };
  try {
    return { dates: seriesDates(seriesRuleOf(date, repeat), repeat) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * "Repeat as a series" in the planner of a periodic review: monthly on the first meeting's weekday of
 * the month, or every N weeks on its weekday; after N meetings or until a date. Null: a single meeting.
 */
export function SeriesRepeatFields(props: {
  date: string;
  value: SeriesRepeat | null;
  onChange: (value: SeriesRepeat | null) => void;
}) {
  const styles = useStyles();
  const { value, date } = props;
  const set = (change: Partial<SeriesRepeat>) => value && props.onChange({ ...value, ...change });
  const label = (frequency: SeriesFrequency) =>
    isDay(date) && !seriesStartProblem(date)
      ? describeSeriesRule(seriesRuleOf(date, { frequency, interval: value?.interval ?? 1 }))
      : frequency === 'monthly'
        ? 'Monthly on the same weekday of the month'
        : 'Every N weeks on the same weekday';
  const shown = value ? preview(date, value) : null;

  return (
    <fieldset className={styles.group}>
      <Checkbox
        label="Repeat as a series (plan every meeting now; calendars get one invitation)"
        checked={value !== null}
        onChange={(_, d) => props.onChange(d.checked === true ? DEFAULT_SERIES_REPEAT : null)}
      />
      {value ? (
        <>
          <div className={styles.row}>
            <Field label="Repeats">
              <Select
                value={value.frequency}
                onChange={(_, d) => set({ frequency: d.value as SeriesFrequency })}
              >
                {SERIES_FREQUENCIES.map((f) => (
                  <option key={f} value={f}>
                    {label(f)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={value.frequency === 'monthly' ? 'Every … months' : 'Every … weeks'}>
              <NumberInput value={value.interval} onValueChange={(n) => set({ interval: n ?? Number.NaN })} />
            </Field>
          </div>
          <RadioGroup
            aria-label="Series ends"
            value={value.count === null ? 'until' : 'count'}
            onChange={(_, d) =>
              set(d.value === 'until' ? { count: null, until: date } : { count: 6, until: null })
            }
          >
            <div className={styles.end}>
              <Radio value="count" label="After" />
              <NumberInput
                aria-label="Number of meetings"
                disabled={value.count === null}
                value={value.count}
                onValueChange={(n) => set({ count: n ?? Number.NaN })}
              />
              <Text>meetings</Text>
            </div>
            <div className={styles.end}>
              <Radio value="until" label="Until" />
              <DateInput
                aria-label="Last date of the series"
                disabled={value.until === null}
                value={value.until ?? ''}
                onChange={(until) => set({ until })}
              />
            </div>
          </RadioGroup>
          <Text role="status" className={styles.hint}>
            {shown && 'dates' in shown
              ? `${shown.dates.length} meetings: ${shown.dates.map(formatDayLong).join(', ')}`
              : shown?.problem}
          </Text>
        </>
      ) : null}
    </fieldset>
  );
}
