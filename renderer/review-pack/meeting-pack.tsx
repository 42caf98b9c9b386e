import {
  Badge,
  Field,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ClipboardDataBar20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaContextSection } from '../../shared/domain/agenda-context';
import { OUTCOME_STANDING_LABELS, valueSeries } from '../../shared/domain/outcomes';
import type { Meeting } from '../../shared/domain/meetings';
import {
  DECISION_ROUTE_LABELS,
  PROJECT_STAGE_LABELS,
  REQUIREMENT_KIND_LABELS,
} from '../../shared/domain/review-pack';
import {
  sectionsUnder,
  unplacedSections,
  type PackSection,
  type ReviewPack,
} from '../../shared/domain/review-pack-assembly';
import { VERDICT_LABELS, describeTarget, formatValue, monthLabel } from '../../shared/domain/service-levels';
import { api } from '../platform/workbook-api';
import { AppLink } from '../ui/app-link';
import { formatChange, formatDate, formatScore } from '../ui/format';
import { useDraftJournal, useDraftStart } from '../ui/form-drafts';
import { EmptyText, Section } from '../ui/page';
import { RichTextEditor } from '../ui/rich-text-editor';
import { messageOf } from '../ui/use-form';
import { Muted, RagBadge, RequirementStatusBadge, UserText } from './parts';

const useStyles = makeStyles({
  pack: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(220px, 1fr)',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  title: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  icon: { color: tokens.colorBrandForeground1 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  comment: { alignSelf: 'start' },
});

/** The pack of one meeting, fetched when shown, and the comment setter that keeps it current. */
function useReviewPack(meetingId: string) {
  const [pack, setPack] = useState<ReviewPack | null>(null);
  useEffect(() => {
    let live = true;
    api
      .getReviewPack({ meetingId })
      .then((p) => live && setPack(p))
      .catch(() => live && setPack(null));
    return () => {
      live = false;
    };
  }, [meetingId]);
  const saveComment = useCallback(
    async (section: PackSection['key'], text: string) =>
      setPack(await api.setPackComment({ meetingId, section, text })),
    [meetingId],
  );
  return { pack, saveComment };
}

/** What the review pack brings to one agenda item: read-only figures, with the BRM's comment beside them. */
export function ReviewPackForItem(props: { meeting: Meeting; itemId: string; readOnly: boolean }) {
  const { pack, saveComment } = useReviewPack(props.meeting.id);
  if (!pack) return null;
  const sections = sectionsUnder(pack, props.itemId);
  if (sections.length === 0) return null;
  return (
    <>
      {sections.map((s) => (
        <PackBlock
          key={s.key}
          meetingId={props.meeting.id}
          section={s}
          readOnly={props.readOnly}
          onComment={saveComment}
        />
      ))}
    </>
  );
}

/** Parts of the pack the agenda has no item for (a renamed or custom agenda): shown after it. */
export function UnplacedReviewPack(props: { meeting: Meeting; readOnly: boolean }) {
  const { pack, saveComment } = useReviewPack(props.meeting.id);
  const sections = pack ? unplacedSections(pack) : [];
  if (sections.length === 0) return null;
  return (
    <Section title="Review pack">
      <Text>These parts of the review pack have no item of their own on this agenda.</Text>
      {sections.map((s) => (
        <PackBlock
          key={s.key}
          meetingId={props.meeting.id}
          section={s}
          readOnly={props.readOnly}
          onComment={saveComment}
        />
      ))}
    </Section>
  );
}

function PackBlock(props: {
  meetingId: string;
  section: PackSection;
  readOnly: boolean;
  onComment: (section: PackSection['key'], text: string) => Promise<void>;
}) {
  const styles = useStyles();
  const { section } = props;
  const draft = props.readOnly
    ? undefined
    : { scope: props.meetingId, form: `comment:${section.key}`, label: `Comment on ${section.title}` };
  const [text, setText] = useState(useDraftStart(draft, { text: section.comment }).text);
  const [error, setError] = useState<string | undefined>();
  // Kept until the store holds it: a comment typed and not yet saved survives leaving the item or a crash.
  useDraftJournal(draft, { text }, { text: section.comment });
  const shown = useRef(section.comment);
  useEffect(() => {
    // The stored comment changed (saved here, or from the pack page): show it, but never over a fresh mount's draft.
    if (shown.current !== section.comment) setText(section.comment);
    shown.current = section.comment;
  }, [section.comment]);
  const save = () => {
    if (text === section.comment) return;
    props
      .onComment(section.key, text)
      .then(() => setError(undefined))
      .catch((e: unknown) => setError(messageOf(e)));
  };
  return (
    <section className={styles.pack} aria-label={`Review pack: ${section.title}`}>
      <div className={styles.content}>
        <h3 className={styles.title}>
          <ClipboardDataBar20Regular className={styles.icon} />
          {section.title}
        </h3>
        <SectionBody section={section} />
      </div>
      <Field label="Your comment" className={styles.comment} validationMessage={error}>
        <RichTextEditor
          value={text}
          readOnly={props.readOnly}
          rows={3}
          placeholder={props.readOnly ? 'No comment.' : 'What you want to say about this…'}
          onChange={setText}
          onBlur={save}
        />
      </Field>
    </section>
  );
}

function SectionBody({ section }: { section: PackSection }) {
  const styles = useStyles();
  switch (section.key) {
    case 'service-performance':
      if (section.rows.length === 0) {
        return (
          <EmptyText>
            No service results for the period. Record or import them in the{' '}
            <AppLink to="/review-pack">review pack</AppLink>.
          </EmptyText>
        );
      }
      return (
        <>
          <Text>
            {section.met} met, {section.missed} missed
          </Text>
          <Table size="small" aria-label={section.title}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Service level</TableHeaderCell>
                <TableHeaderCell style={{ width: 90 }}>Target</TableHeaderCell>
                {section.months.map((m) => (
                  <TableHeaderCell key={m} style={{ width: 130 }}>
                    {monthLabel(m)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {section.rows.map((row) => (
                <TableRow key={`${row.level.agreementId}/${row.level.serviceLevelId}`}>
                  <TableCell>
                    {row.level.metric}
                    <div className={styles.sub}>{row.level.service}</div>
                  </TableCell>
                  <TableCell>{describeTarget(row.level)}</TableCell>
                  {section.months.map((m) => {
                    const r = row.byMonth[m];
                    return (
                      <TableCell key={m}>
                        {r ? (
                          <span className={styles.value} title={r.note || undefined}>
                            {formatValue(r.achieved, r.level.unit)}
                            <Badge
                              appearance="tint"
                              size="small"
                              color={r.verdict === 'met' ? 'success' : 'danger'}
                            >
                              {VERDICT_LABELS[r.verdict]}
                            </Badge>
                          </span>
                        ) : (
                          <Muted>—</Muted>
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      );
    case 'major-incidents':
      return section.incidents.length ? (
        <ul className={styles.list}>
          {section.incidents.map((i) => (
            <li key={i.id}>
              <strong>{formatDate(i.date)}</strong> · {i.service} — {i.title}
              {i.impact ? (
                <div className={styles.sub}>
                  <UserText>{i.impact}</UserText>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyText>No major incidents in the period.</EmptyText>
      );
    case 'projects':
      return section.projects.length ? (
        <Table size="small" aria-label={section.title}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Project</TableHeaderCell>
              <TableHeaderCell style={{ width: 150 }}>RAG</TableHeaderCell>
              <TableHeaderCell style={{ width: 110 }}>Forecast end</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {section.projects.map(({ project, current, before, changes }) => (
              <TableRow key={project.id}>
                <TableCell>
                  {project.name}
                  <div className={styles.sub}>
                    {PROJECT_STAGE_LABELS[project.stage]}
                    {changes.length
                      ? ` · ${changes.at(-1)?.comment}`
                      : current
                        ? ` · ${current.comment}`
                        : ''}
                  </div>
                </TableCell>
                <TableCell>
                  <span className={styles.value}>
                    {before && before.rag !== current?.rag ? (
                      <>
                        <RagBadge rag={before.rag} size="small" />→
                      </>
                    ) : null}
                    {current ? <RagBadge rag={current.rag} size="small" /> : null}
                  </span>
                </TableCell>
                <TableCell>{project.forecastEnd ?? project.plannedEnd ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <EmptyText>No ongoing projects.</EmptyText>
      );
    case 'requirements':
      return section.requirements.length ? (
        <Table size="small" aria-label={section.title}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Requirement or proposal</TableHeaderCell>
              <TableHeaderCell style={{ width: 150 }}>Raised</TableHeaderCell>
              <TableHeaderCell style={{ width: 150 }}>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {section.requirements.map(({ requirement: r, status, raisedBy }) => (
              <TableRow key={r.id}>
                <TableCell>
                  {r.title}
                  <div className={styles.sub}>
                    {REQUIREMENT_KIND_LABELS[r.kind]} · {DECISION_ROUTE_LABELS[r.decisionRoute]}
                  </div>
                </TableCell>
                <TableCell>
                  {raisedBy}
                  <div className={styles.sub}>{formatDate(r.raisedOn)}</div>
                </TableCell>
                <TableCell>
                  <RequirementStatusBadge status={status.status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <EmptyText>No open requirements or proposals.</EmptyText>
      );
    case 'technology-watch':
      return section.notes.length ? (
        <ul className={styles.list}>
          {section.notes.map((n) => (
            <li key={n.id}>
              <strong>{n.title}</strong>
              {n.note ? (
                <div className={styles.sub}>
                  <UserText>{n.note}</UserText>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyText>No technology-watch notes for this unit.</EmptyText>
      );
    case 'feedback':
    case 'satisfaction':
    case 'agreements':
    case 'outcomes':
      return <RegisterContext context={section.context} />;
  }
}

/** The registers' part of the pack: complaints and compliments, satisfaction, agreements to renew. */
function RegisterContext({ context }: { context: AgendaContextSection }) {
  const styles = useStyles();
  switch (context.topic) {
    case 'feedback': {
      const items = [...context.complaints, ...context.compliments];
      return items.length ? (
        <ul className={styles.list}>
          {items.map((f) => (
            <li key={f.id}>
              <strong>{f.kind === 'complaint' ? 'Complaint' : 'Compliment'}</strong> · {formatDate(f.date)} ·{' '}
              {f.fromName} about {f.aboutName}
              <div className={styles.sub}>
                <UserText>{f.description}</UserText>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyText>No complaints or compliments {context.period ? 'in the period' : 'open'}.</EmptyText>
      );
    }
    case 'satisfaction':
      return context.latest ? (
        <Text>
          Latest result {formatScore(context.latest.average)} of 5 ({formatDate(context.latest.survey.date)},{' '}
          {context.latest.survey.respondentName})
          {context.change !== null ? `, ${formatChange(context.change)} against the survey before` : ''}.
        </Text>
      ) : (
        <EmptyText>No satisfaction survey recorded yet.</EmptyText>
      );
    case 'agreements':
      return context.agreements.length ? (
        <ul className={styles.list}>
          {context.agreements.map(({ agreement, reasons }) => (
            <li key={agreement.id}>
              <strong>{agreement.title}</strong> ·{' '}
              {reasons
                .map(
                  (r) =>
                    `${r.reason === 'end' ? 'ends' : r.reason === 'review' ? 'review' : 'review overdue since'} ${formatDate(r.date)}`,
                )
                .join(', ')}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyText>No agreement is due for review or renewal in the coming twelve months.</EmptyText>
      );
    case 'outcomes':
      return context.outcomes.length ? (
        <ul className={styles.list} aria-label="Business outcomes in the pack">
          {context.outcomes.map(({ outcome, standing }) => {
            const latest = valueSeries(outcome)
              .filter((p) => p.kind === 'measured')
              .at(-1);
            return (
              <li key={outcome.id}>
                <strong>
                  <UserText>{outcome.outcome}</UserText>
                </strong>{' '}
                · {OUTCOME_STANDING_LABELS[standing]}
                <div className={styles.sub}>
                  Target <UserText>{outcome.target}</UserText> by {formatDate(outcome.targetDate)}
                  {latest ? (
                    <>
                      {' '}
                      · latest <UserText>{latest.text}</UserText> ({formatDate(latest.date)})
                    </>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyText>No business outcomes to report.</EmptyText>
      );
  }
}
