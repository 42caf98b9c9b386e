import { Dialog, DialogSurface, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  CalendarLtr20Regular,
  ChatBubblesQuestion20Regular,
  DataTrending20Regular,
  DocumentSignature20Regular,
  DocumentText20Regular,
  EmojiSmileSlight20Regular,
  Gavel20Regular,
  Organization20Regular,
  Person20Regular,
  PersonFeedback20Regular,
  Search20Regular,
  TaskListSquareLtr20Regular,
  type FluentIcon,
} from '@fluentui/react-icons';
import { Command } from 'cmdk';
import { format, parse } from 'date-fns';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SearchHit, SearchKind } from '../../shared/contract/search';
import { NAVIGATION } from '../app/navigation';
import { HighlightedText } from './highlighted-text';
import { useWorkbookSearch } from './use-workbook-search';

const KIND_ICONS: Record<SearchKind, FluentIcon> = {
  unit: Organization20Regular,
  contact: Person20Regular,
  meeting: CalendarLtr20Regular,
  minutes: DocumentText20Regular,
  decision: Gavel20Regular,
  action: TaskListSquareLtr20Regular,
  agreement: DocumentSignature20Regular,
  feedback: PersonFeedback20Regular,
  survey: EmojiSmileSlight20Regular,
  outcome: DataTrending20Regular,
  'informal-contact': ChatBubblesQuestion20Regular,
};

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
export const PALETTE_SHORTCUT = isMac ? '⌘K' : 'Ctrl+K';

const useStyles = makeStyles({
  trigger: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalM}`,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    textAlign: 'start',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground2 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  triggerLabel: { flex: 1 },
  key: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyBase,
  },
  surface: {
    width: '100%',
    maxWidth: '680px',
    marginTop: '10vh',
    padding: 0,
    overflow: 'hidden',
  },
  command: { display: 'flex', flexDirection: 'column', maxHeight: '70vh' },
  inputRow: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
  input: {
    flex: 1,
    minWidth: 0,
    border: 'none',
    outline: 'none',
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    '::placeholder': { color: tokens.colorNeutralForeground4 },
  },
  list: {
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    scrollPaddingBlock: tokens.spacingVerticalS,
  },
  group: {
    paddingBottom: tokens.spacingVerticalXS,
    '& [cmdk-group-heading]': {
      display: 'flex',
      justifyContent: 'space-between',
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXXS}`,
      color: tokens.colorNeutralForeground3,
      fontSize: tokens.fontSizeBase200,
      fontWeight: tokens.fontWeightSemibold,
    },
  },
  count: { fontWeight: tokens.fontWeightRegular },
  item: {
    display: 'grid',
    gridTemplateColumns: '20px 1fr',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    '&[data-selected="true"]': { backgroundColor: tokens.colorNeutralBackground1Selected },
    '&[data-selected="true"] > svg': { color: tokens.colorBrandForeground1 },
  },
  icon: { color: tokens.colorNeutralForeground3, marginTop: '1px' },
  lines: { display: 'flex', flexDirection: 'column', minWidth: 0, gap: '1px' },
  title: {
    fontWeight: tokens.fontWeightSemibold,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  context: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  snippet: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  message: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground3,
  },
  footer: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

/**
 * Search across the workbook and jump anywhere: Ctrl/Cmd+K from any view opens it. Mounted once in the
 * sidebar, where it also shows a button for those who do not know the shortcut.
 */
export function CommandPalette() {
  const styles = useStyles();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  /** The highlighted item, with the query it was chosen under: a new query starts at the top again. */
  const [selected, setSelected] = useState({ query: '', value: '' });
  const { results, searching, error } = useWorkbookSearch(open ? query : '');

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const close = () => {
    setOpen(false);
    setQuery('');
  };
  const go = (route: string) => {
    close();
    void navigate(route);
  };

  const needle = query.trim().toLowerCase();
  const commands = NAVIGATION.filter((entry) => `go to ${entry.label}`.toLowerCase().includes(needle));
  const groups = needle ? (results?.groups ?? []) : [];
  const nothing = needle && !searching && results && groups.length === 0 && commands.length === 0;
  const values = [
    ...commands.map((entry) => commandValue(entry.path)),
    ...groups.flatMap((group) => group.hits.map(hitValue)),
  ];
  const active =
    selected.query === needle && values.includes(selected.value) ? selected.value : (values[0] ?? '');

  return (
    <>
      <button type="button" className={styles.trigger} onClick={() => setOpen(true)}>
        <Search20Regular aria-hidden />
        <span className={styles.triggerLabel}>Search</span>
        <kbd className={styles.key}>{PALETTE_SHORTCUT}</kbd>
      </button>
      <Dialog open={open} onOpenChange={(_, data) => (data.open ? setOpen(true) : close())}>
        <DialogSurface className={styles.surface} aria-label="Search the workbook">
          <Command
            className={styles.command}
            label="Search the workbook"
            shouldFilter={false}
            loop
            value={active}
            onValueChange={(value) => setSelected({ query: needle, value })}
          >
            <div className={styles.inputRow}>
              {searching ? (
                <Spinner size="extra-tiny" aria-label="Searching" />
              ) : (
                <Search20Regular aria-hidden />
              )}
              <Command.Input
                className={styles.input}
                value={query}
                onValueChange={setQuery}
                placeholder="Search units, contacts, minutes, actions, agreements, complaints…"
                autoFocus
              />
            </div>
            <Command.List className={styles.list} label="Results">
              {error ? <div className={styles.message}>{error}</div> : null}
              {nothing ? (
                <div className={styles.message}>Nothing in the workbook matches “{query.trim()}”.</div>
              ) : null}
              {commands.length > 0 ? (
                <Command.Group heading="Go to" className={styles.group}>
                  {commands.map(({ path, label, icon: Icon }) => (
                    <Command.Item
                      key={path}
                      value={commandValue(path)}
                      className={styles.item}
                      onSelect={() => go(path)}
                    >
                      <Icon className={styles.icon} aria-hidden />
                      <span className={styles.title}>Go to {label}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              {groups.map((group) => (
                <Command.Group
                  key={group.kind}
                  heading={
                    <>
                      <span>{group.label}</span>
                      {group.total > group.hits.length ? (
                        <span className={styles.count}>{group.total.toLocaleString()} matches</span>
                      ) : null}
                    </>
                  }
                  value={group.kind}
                  className={styles.group}
                >
                  {group.hits.map((hit) => (
                    <HitItem key={`${hit.kind}:${hit.id}`} hit={hit} onOpen={go} />
                  ))}
                </Command.Group>
              ))}
            </Command.List>
            <div className={styles.footer} aria-hidden>
              <span>↑ ↓ to move</span>
              <span>Enter to open</span>
              <span>Esc to close</span>
            </div>
          </Command>
        </DialogSurface>
      </Dialog>
    </>
  );
}

function HitItem({ hit, onOpen }: { hit: SearchHit; onOpen: (route: string) => void }) {
  const styles = useStyles();
  const Icon = KIND_ICONS[hit.kind];
  const context = [hit.unit, hit.detail, hit.date ? formatDay(hit.date) : null].filter(Boolean).join(' · ');
  const showSnippet = hit.snippet && hit.snippet !== hit.title;
  return (
    <Command.Item value={hitValue(hit)} className={styles.item} onSelect={() => onOpen(hit.route)}>
      <Icon className={styles.icon} aria-hidden />
      <span className={styles.lines}>
        <Text className={styles.title}>{hit.title}</Text>
        {context ? <span className={styles.context}>{context}</span> : null}
        {showSnippet ? (
          <span className={styles.snippet}>
            <HighlightedText text={hit.snippet} highlights={hit.highlights} />
          </span>
        ) : null}
      </span>
    </Command.Item>
  );
}

const commandValue = (path: string) => `go:${path}`;
const hitValue = (hit: SearchHit) => `${hit.kind}:${hit.id}`;

const formatDay = (day: string) => format(parse(day, 'yyyy-MM-dd', new Date()), 'd MMM yyyy');
