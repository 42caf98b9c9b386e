import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

const useStyles = makeStyles({
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    overflowWrap: 'anywhere',
    ':hover': { textDecorationLine: 'underline', color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

/** A link to another view of the app, styled like Fluent's links. */
export function AppLink(props: { to: string; children: ReactNode; strong?: boolean }) {
  const styles = useStyles();
  return (
    <Link to={props.to} className={mergeClasses(styles.link, props.strong && styles.strong)}>
      {props.children}
    </Link>
  );
}
