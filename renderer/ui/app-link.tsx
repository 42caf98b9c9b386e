import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

const useStyles = makeStyles({
  link: {
    color: tokens.colorBrandForegroundLink,
    // Underlined: inside a sentence colour alone does not tell a link from text (axe link-in-text-block).
    textDecorationLine: 'underline',
    overflowWrap: 'anywhere',
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
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
