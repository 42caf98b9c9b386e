import {
  Badge,
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
import type { AgendaContextSection } from '../../shared/domain/agenda-context';
import { OUTCOME_STANDING_LABELS, valueSeries } from '../../shared/domain/outcomes';
import {
  DECISION_ROUTE_LABELS,
  PROJECT_STAGE_LABELS,
  REQUIREMENT_KIND_LABELS,
} from '../../shared/domain/review-pack';
import type { PackSection } from '../../shared/domain/review-pack-assembly';
import { VERDICT_LABELS, describeTarget, formatValue, monthLabel } from '../../shared/domain/service-levels';
import { AppLink } from '../ui/app-link';
import { formatChange, formatScore } from '../ui/format';
import { EmptyText } from '../ui/page';
import { Muted, RagBadge, RequirementStatusBadge, UserText } from './parts';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** What one section of the pack shows: the figures, or a line saying there are none and where they come from. */
export function SectionBody({ section }: { section: PackSection }) {
  switch (section.key) {
    case 'service-performance':
      return <ServicePerformance section={section} />;
    case 'major-incidents':
      return <MajorIncidents section={section} />;
    case 'projects':
      return <Projects section={section} />;
    case 'requirements':
      return <Requirements section={section} />;
    case 'technology-watch':
      return <TechnologyWatch section={section} />;
    case 'feedback':
    case 'satisfaction':
    case 'agreements':
    case 'outcomes':
      return <RegisterContext context={section.context} />;
  }
}

function ServicePerformance({ section }: { section: Extract<PackSection, { key: 'service-performance' }> }) {
  const styles = useStyles();
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
}

function MajorIncidents({ section }: { section: Extract<PackSection, { key: 'major-incidents' }> }) {
  const styles = useStyles();
  return section.incidents.length ? (
    <ul className={styles.list}>
      {section.incidents.map((i) => (
        <li key={i.id}>
          <strong>{i.date}</strong> · {i.service} — {i.title}
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
}

function Projects({ section }: { section: Extract<PackSection, { key: 'projects' }> }) {
  const styles = useStyles();
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
                {changes.length ? ` · ${changes.at(-1)?.comment}` : current ? ` · ${current.comment}` : ''}
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
}

function Requirements({ section }: { section: Extract<PackSection, { key: 'requirements' }> }) {
  const styles = useStyles();
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
              <div className={styles.sub}>{r.raisedOn}</div>
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
}

function TechnologyWatch({ section }: { section: Extract<PackSection, { key: 'technology-watch' }> }) {
  const styles = useStyles();
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
              <strong>{f.kind === 'complaint' ? 'Complaint' : 'Compliment'}</strong> · {f.date} · {f.fromName}{' '}
              about {f.aboutName}
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
          Latest result {formatScore(context.latest.average)} of 5 ({context.latest.survey.date},{' '}
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
                    `${r.reason === 'end' ? 'ends' : r.reason === 'review' ? 'review' : 'review overdue since'} ${r.date}`,
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
                  Target <UserText>{outcome.target}</UserText> by {outcome.targetDate}
                  {latest ? (
                    <>
                      {' '}
                      · latest <UserText>{latest.text}</UserText> ({latest.date})
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
