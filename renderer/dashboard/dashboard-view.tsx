import { Badge, Button, CounterBadge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, CalendarAdd16Regular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { Dashboard } from '../../shared/domain/dashboard';
import { MEETING_KIND_LABELS } from '../../shared/domain/meetings';
import { AGREEMENT_TYPE_LABELS, COMPLAINT_SEVERITY_LABELS } from '../../shared/domain/registers';
import { DueBadge } from '../ui/due-badge';
import { useAppStore } from '../app/store';
import { OverdueRelationships, UnitDialog } from '../app/feature-parts';
import { adHocReviewLink } from '../app/ad-hoc-review';
import { api } from '../platform/workbook-api';
import { AppLink } from '../ui/app-link';
import { formatDate, plural, todayIso } from '../ui/format';
import { useLoad } from '../ui/use-load';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { displayDates } from '../../shared/domain/date-format';
import { Measurements } from './measurements';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  attention: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  cardHeader: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  cardTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  itemMain: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  overdue: {
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
  },
  date: { textAlign: 'right', whiteSpace: 'nowrap' },
  clamp: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

const SHOWN = 6;

/** The home screen: seed 002's four measurements of the process, then what needs the BRM now. */
export function DashboardView() {
  const styles = useStyles();
  const navigate = useNavigate();
  const hasUnits = useAppStore((s) => s.directory.units.length > 0);
  const [creatingUnit, setCreatingUnit] = useState(false);
  const { data, error } = useLoad(() => api.getDashboard({}), []);
  return (
    <Page label="Dashboard">
      <PageHeader
        title="Dashboard"
        subtitle={`${displayDates().long(todayIso())} · how the relationships are doing, and what needs you now`}
      />
      {error ? <Text>{error}</Text> : null}
      {hasUnits ? null : (
        <Section
          title="Welcome to BRM Workbook"
          actions={
            <Button appearance="primary" icon={<Add20Regular />} onClick={() => setCreatingUnit(true)}>
              New business unit
            </Button>
          }
        >
          <Text>
            Start with the customer structure: the business units you serve, each with its customer (who
            decides on and finances IT services) and its purchasers. The measurements below fill in as you
            record agreements, complaints and compliments, and surveys.
          </Text>
        </Section>
      )}
      <UnitDialog
        open={creatingUnit}
        parentId={null}
        defaultKind="company"
        onClose={() => setCreatingUnit(false)}
        onSaved={(u) => navigate(`/units/${u.id}`)}
      />
      {data ? (
        <>
          <h2 className={styles.heading}>Measurements</h2>
          <Measurements data={data} />
          <h2 className={styles.heading}>Needs attention now</h2>
          <Attention data={data} />
          <OverdueRelationships />
        </>
      ) : null}
    </Page>
  );
}

function AttentionCard(props: {
  title: string;
  count: number;
  more?: { to: string; text: string };
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={styles.card} aria-label={props.title}>
      <div className={styles.cardHeader}>
        <h3 className={styles.cardTitle}>{props.title}</h3>
        <CounterBadge
          count={props.count}
          showZero
          appearance="filled"
          color={props.count ? 'brand' : 'informative'}
          size="small"
        />
      </div>
      {props.children}
      {props.more && props.count > SHOWN ? (
        <AppLink to={props.more.to}>
          {props.more.text} ({props.count})
        </AppLink>
      ) : null}
    </section>
  );
}

function Attention({ data }: { data: Dashboard }) {
  const styles = useStyles();
  const navigate = useNavigate();
  return (
    <div className={styles.attention}>
      <AttentionCard title="Next meetings" count={data.nextMeetings.length}>
        {data.nextMeetings.length ? (
          <ul className={styles.list}>
            {data.nextMeetings.slice(0, SHOWN).map((m) => (
              <li key={m.id} className={styles.item}>
                <div className={styles.itemMain}>
                  <AppLink to={`/meetings/${m.id}`} strong>
                    {MEETING_KIND_LABELS[m.kind]} review · {m.unitName}
                  </AppLink>
                  {m.location ? <span className={`${styles.sub} ${styles.clamp}`}>{m.location}</span> : null}
                </div>
                <span className={styles.date}>
                  {displayDates().day(m.date)}
                  {m.time ? ` · ${displayDates().time(m.time)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyText>No meetings planned.</EmptyText>
        )}
      </AttentionCard>

      <AttentionCard title="Overdue actions" count={data.overdueActions.length}>
        {data.overdueActions.length ? (
          <ul className={styles.list}>
            {data.overdueActions.slice(0, SHOWN).map((a) => (
              <li key={a.id} className={styles.item}>
                <div className={styles.itemMain}>
                  <AppLink
                    to={a.raisedInMeetingId ? `/meetings/${a.raisedInMeetingId}` : `/units/${a.unitId}`}
                    strong
                  >
                    {a.title}
                  </AppLink>
                  <span className={styles.sub}>
                    {a.unitName}
                    {a.owner ? ` · ${a.owner}` : ''} · due {formatDate(a.dueDate)}
                  </span>
                </div>
                <span className={styles.overdue}>{plural(a.daysOverdue, 'day')} late</span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyText>No action is overdue.</EmptyText>
        )}
      </AttentionCard>

      <AttentionCard
        title="Agreements due for review"
        count={data.agreementsDue.length}
        more={{ to: '/agreements', text: 'All agreements' }}
      >
        {data.agreementsDue.length ? (
          <ul className={styles.list}>
            {data.agreementsDue.slice(0, SHOWN).map((a) => (
              <li key={a.id} className={styles.item}>
                <div className={styles.itemMain}>
                  <AppLink to={`/agreements?unitId=${a.unitId}`} strong>
                    {a.title}
                  </AppLink>
                  <span className={styles.sub}>
                    {AGREEMENT_TYPE_LABELS[a.type]} · {a.unitName} ·{' '}
                    {a.due.reason === 'review' ? 'review' : 'ends'} {formatDate(a.due.date)}
                  </span>
                </div>
                <DueBadge due={a.due} />
              </li>
            ))}
          </ul>
        ) : (
          <EmptyText>No agreement comes up for review or renewal in the next 90 days.</EmptyText>
        )}
      </AttentionCard>

      <AttentionCard
        title="Open complaints"
        count={data.openComplaints.length}
        more={{ to: '/feedback', text: 'All complaints' }}
      >
        {data.openComplaints.length ? (
          <ul className={styles.list}>
            {data.openComplaints.slice(0, SHOWN).map((c) => (
              <li key={c.id} className={styles.item}>
                <div className={styles.itemMain}>
                  <AppLink to={`/feedback?unitId=${c.unitId}`} strong>
                    {c.aboutName}
                  </AppLink>
                  <span className={`${styles.sub} ${styles.clamp}`}>
                    {c.unitName} · {c.fromName} · {formatDate(c.date)} · {c.description}
                  </span>
                </div>
                {c.severity === 'serious' ? (
                  <Button
                    size="small"
                    icon={<CalendarAdd16Regular />}
                    onClick={() => navigate(adHocReviewLink(c))}
                  >
                    Plan ad hoc review
                  </Button>
                ) : c.severity ? (
                  <Badge
                    appearance="tint"
                    color={c.severity === 'moderate' ? 'warning' : 'informative'}
                    size="small"
                  >
                    {COMPLAINT_SEVERITY_LABELS[c.severity]}
                  </Badge>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyText>No open complaints.</EmptyText>
        )}
      </AttentionCard>
    </div>
  );
}
