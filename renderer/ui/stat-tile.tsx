import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  tile: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  label: {
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  value: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { fontSize: tokens.fontSizeBase500 },
  of: {
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
  },
  change: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export type Tone = 'good' | 'bad' | 'neutral';

/** One figure with its context: "7 of 9", "4.2 / 5", "3 complaints". */
export function StatTile(props: {
  label: string;
  value: ReactNode;
  of?: ReactNode;
  detail?: ReactNode;
  /** A word rather than a figure: shown smaller, so it fits. */
  textValue?: boolean;
  /** Colours the value: a change for the better or the worse. */
  tone?: Tone;
  change?: { text: string; tone: Tone } | null;
  children?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={styles.tile} aria-label={props.label}>
      <Text className={styles.label}>{props.label}</Text>
      <div>
        <Text
          className={mergeClasses(
            styles.value,
            props.textValue && styles.text,
            props.tone === 'good' && styles.good,
            props.tone === 'bad' && styles.bad,
          )}
        >
          {props.value}
        </Text>
        {props.of ? <Text className={styles.of}> {props.of}</Text> : null}
      </div>
      {props.change ? (
        <Text
          className={mergeClasses(
            styles.change,
            props.change.tone === 'good' && styles.good,
            props.change.tone === 'bad' && styles.bad,
          )}
        >
          {props.change.text}
        </Text>
      ) : null}
      {props.detail ? <Text className={styles.detail}>{props.detail}</Text> : null}
      {props.children}
    </section>
  );
}

export const toneOfChange = (change: number | null, higherIsBetter = true): Tone => {
  if (change === null || Math.abs(change) < 0.05) return 'neutral';
  return change > 0 === higherIsBetter ? 'good' : 'bad';
};
