import {
  Badge,
  Button,
  SearchBox,
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
import { ArrowDownload20Regular, Dismiss12Regular, DocumentText20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import {
  DECISION_STATUS_LABELS,
  DECISION_TARGET_LABELS,
  type DecisionRow,
} from '../../shared/domain/decisions';
import { MEETING_KIND_LABELS } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { AppLink } from '../ui/app-link';
import { formatDate, plural } from '../ui/format';
import { UnitFilter, useUnitScope } from '../ui/unit-filter';
import { useLoad } from '../ui/use-load';
import { useSavedFileNotice } from '../app/feature-parts';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { DecisionStatusDialog, LinkDecisionDialog } from './decision-dialogs';
import { STATUS_COLOURS } from './status-colours';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap' },
  text: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  links: { display: 'flex', flexDirection: 'column', gap: '2px', alignItems: 'flex-start' },
  cellActions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

/** Every decision of every meeting, searchable, with its standing and what it changed. */
export function DecisionsView() {
  const styles = useStyles();
  const [unitId, setUnitId] = useUnitScope();
  const [query, setQuery] = useState('');
  const { data, error, reload } = useLoad(() => api.listDecisions({ unitId, query }), [unitId, query]);
  const [linking, setLinking] = useState<DecisionRow | null>(null);
  const [statusOf, setStatusOf] = useState<DecisionRow | null>(null);
  const [busy, setBusy] = useState(false);
  const saved = useSavedFileNotice();
  const { notifyError } = useNotify();

  const exportWith = (what: string, run: () => ReturnType<typeof api.exportDecisionsReport>) => {
    setBusy(true);
    run()
      .then((doc) => saved(doc, what))
      .catch(notifyError)
      .finally(() => setBusy(false));
  };

  return (
    <Page label="Decision register">
      <PageHeader
        title="Decision register"
        subtitle="Every decision from every meeting: whether it is still in force, and what it changed."
        actions={
          <>
            <Button
              icon={<DocumentText20Regular />}
              disabled={busy}
              onClick={() => exportWith('Decision register', () => api.exportDecisionsReport({ unitId }))}
            >
              Export to Word
            </Button>
            <Button
              icon={<ArrowDownload20Regular />}
              disabled={busy}
              onClick={() =>
                exportWith('Decisions CSV', () => api.exportRegisterCsv({ register: 'decisions', unitId }))
              }
            >
              Export CSV
            </Button>
          </>
        }
      />
      <div className={styles.toolbar}>
        <UnitFilter unitId={unitId} onChange={setUnitId} />
        <SearchBox
          aria-label="Search decisions"
          placeholder="Search decisions"
          value={query}
          onChange={(_, d) => setQuery(d.value.slice(0, 200))}
        />
        {data ? <Text className={styles.sub}>{plural(data.length, 'decision')}</Text> : null}
      </div>
      <Section title="Decisions">
        {error ? <Text>{error}</Text> : null}
        {data && data.length === 0 ? (
          <EmptyText>
            {query ? 'No decision matches the search.' : 'No decisions recorded in meetings yet.'}
          </EmptyText>
        ) : null}
        {data?.length ? (
          <Table size="small" aria-label="Decisions">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: 170 }}>Meeting</TableHeaderCell>
                <TableHeaderCell>Decision</TableHeaderCell>
                <TableHeaderCell style={{ width: 170 }}>Status</TableHeaderCell>
                <TableHeaderCell style={{ width: 260 }}>Changed</TableHeaderCell>
                <TableHeaderCell style={{ width: 150 }}>
                  <span className="visually-hidden">Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>
                    <AppLink to={`/meetings/${row.meetingId}`}>
                      {formatDate(row.meetingDate)} {MEETING_KIND_LABELS[row.meetingKind].toLowerCase()}
                    </AppLink>
                    <div className={styles.sub}>{row.unitName}</div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.text}>{row.text}</div>
                    <div className={styles.sub}>{row.itemTitle}</div>
                  </TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={STATUS_COLOURS[row.status]}>
                      {DECISION_STATUS_LABELS[row.status]}
                    </Badge>
                    {row.supersededBy ? (
                      <div className={styles.sub}>
                        by “{row.supersededBy.text}” ({formatDate(row.supersededBy.meetingDate)})
                      </div>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <DecisionLinks row={row} onChanged={() => void reload()} />
                  </TableCell>
                  <TableCell>
                    <div className={styles.cellActions}>
                      <Button
                        size="small"
                        onClick={() => setLinking(row)}
                        aria-label={`Link decision: ${row.text}`}
                      >
                        Link…
                      </Button>
                      <Button
                        size="small"
                        onClick={() => setStatusOf(row)}
                        aria-label={`Status of decision: ${row.text}`}
                      >
                        Status…
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </Section>
      <LinkDecisionDialog decision={linking} onClose={() => setLinking(null)} onSaved={() => void reload()} />
      <DecisionStatusDialog
        decision={statusOf}
        candidates={data ?? []}
        onClose={() => setStatusOf(null)}
        onSaved={() => void reload()}
      />
    </Page>
  );
}

/** What a decision changed, each with a button to remove the link. */
export function DecisionLinks({ row, onChanged }: { row: DecisionRow; onChanged?: () => void }) {
  const styles = useStyles();
  const { notifyError } = useNotify();
  if (row.links.length === 0) return <Text className={styles.sub}>—</Text>;
  return (
    <div className={styles.links}>
      {row.links.map((link) => (
        <span key={`${link.kind}:${link.id}`} className={styles.text}>
          {DECISION_TARGET_LABELS[link.kind]}: {link.label}
          {onChanged ? (
            <Button
              size="small"
              appearance="transparent"
              icon={<Dismiss12Regular />}
              aria-label={`Remove link to ${link.label}`}
              onClick={() =>
                api
                  .unlinkDecision({ decisionId: row.id, target: { kind: link.kind, id: link.id } })
                  .then(onChanged)
                  .catch(notifyError)
              }
            />
          ) : null}
        </span>
      ))}
    </div>
  );
}
