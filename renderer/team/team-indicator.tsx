import { Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  CloudCheckmark16Regular,
  CloudOff16Regular,
  ArrowSync16Regular,
  Warning16Regular,
} from '@fluentui/react-icons';
import { Link } from 'react-router';
import { PHASE_LABELS, conflictsText } from './team-format';
import { useTeamStatus } from './use-team-status';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    justifyContent: 'flex-end',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  item: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: 'inherit',
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  conflicts: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

const ICONS = {
  offline: CloudOff16Regular,
  syncing: ArrowSync16Regular,
  'up-to-date': CloudCheckmark16Regular,
};

/** The status bar's team indicator: hidden unless the workbook is shared with a team. */
export function TeamIndicator() {
  const styles = useStyles();
  const { status } = useTeamStatus();
  if (!status || status.phase === 'off') return null;
  const Icon = ICONS[status.phase];
  return (
    <footer className={styles.bar} role="status" aria-label="Team sync">
      <Link to="/team" className={styles.item}>
        <Icon aria-hidden />
        <Text size={200}>{PHASE_LABELS[status.phase]}</Text>
      </Link>
      {status.conflicts > 0 ? (
        <Link to="/team" className={`${styles.item} ${styles.conflicts}`}>
          <Warning16Regular aria-hidden />
          {conflictsText(status.conflicts)}
        </Link>
      ) : null}
    </footer>
  );
}
