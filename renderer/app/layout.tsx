import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { NavLink, Outlet } from 'react-router';
import { CommandPalette } from '../search/command-palette';
import { TeamIndicator } from '../team/team-indicator';
import { NAVIGATION } from './navigation';
import { useAppStore } from './store';
import { useMenuCommandRouter } from './menu-commands';

const useStyles = makeStyles({
  shell: {
    display: 'grid',
    gridTemplateColumns: '232px 1fr',
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  sidebar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
  },
  brand: {
    display: 'flex',
    flexDirection: 'column',
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`,
  },
  brandName: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  brandTag: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  link: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground3Hover, color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: tokens.shadow2,
  },
  main: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0 },
  banners: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
  },
  content: { flex: 1, overflowY: 'auto', minHeight: 0, ':focus': { outline: 'none' } },
  // Off screen until focused: the first Tab stop, so keyboard users skip the 16 sidebar links.
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: tokens.spacingVerticalS,
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    ':focus': { left: tokens.spacingHorizontalS },
  },
});

export function Layout() {
  const styles = useStyles();
  const status = useAppStore((s) => s.status);
  const dismissNotice = useAppStore((s) => s.dismissNotice);
  // Dates are formatted as views render: a new locale redraws the view in it.
  const locale = useAppStore((s) => s.settings.locale);
  const hasBanners = Boolean(status && (status.notices.length > 0 || status.readOnly));
  useMenuCommandRouter();
  const main = useRef<HTMLElement>(null);

  return (
    <div className={styles.shell}>
      <a
        href="#"
        className={styles.skip}
        onClick={(event) => {
          // The address is the router's: move the focus without navigating.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <nav className={styles.sidebar} aria-label="Main">
        <div className={styles.brand}>
          <Text className={styles.brandName}>BRM Workbook</Text>
          <Text className={styles.brandTag}>Business relationship management</Text>
        </div>
        <CommandPalette />
        {NAVIGATION.map(({ path, label, icon: Icon }) => (
          <NavLink
            key={path}
            to={path}
            end={path === '/'}
            className={({ isActive }) => mergeClasses(styles.link, isActive && styles.active)}
          >
            <Icon aria-hidden />
            {label}
          </NavLink>
        ))}
      </nav>
      <div className={styles.main}>
        {hasBanners && status ? (
          <div className={styles.banners}>
            {status.readOnly ? (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Changes are not being saved</MessageBarTitle>
                  {status.readOnlyReason}
                </MessageBarBody>
              </MessageBar>
            ) : null}
            {status.notices.map((notice) => (
              <MessageBar key={notice.id} intent={notice.level} layout="multiline">
                <MessageBarBody>{notice.message}</MessageBarBody>
                <MessageBarActions
                  containerAction={
                    <Button
                      appearance="transparent"
                      aria-label="Dismiss message"
                      icon={<Dismiss20Regular />}
                      onClick={() => void dismissNotice(notice.id)}
                    />
                  }
                />
              </MessageBar>
            ))}
          </div>
        ) : null}
        <main ref={main} id="main-content" tabIndex={-1} className={styles.content}>
          <Outlet key={locale} />
        </main>
        <TeamIndicator />
      </div>
    </div>
  );
}
