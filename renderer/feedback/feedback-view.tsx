import {
  Badge,
  Button,
  Switch,
  Tab,
  TabList,
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
import { CalendarAdd20Regular, ThumbLike20Regular, Warning20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  COMPLAINT_SEVERITY_LABELS,
  COMPLAINT_STATUS_LABELS,
  FEEDBACK_SUBJECT_LABELS,
  isOpenComplaint,
  type ComplaintSeverity,
  type Feedback,
  type FeedbackKind,
} from '../../shared/domain/registers';
import { api } from '../platform/workbook-api';
import { formatDate, plural } from '../ui/format';
import { UnitFilter, useUnitName, useUnitScope } from '../ui/unit-filter';
import { useLoad } from '../ui/use-load';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { adHocReviewLink } from '../app/ad-hoc-review';
import { FeedbackDialog } from './feedback-dialog';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
  summary: { color: tokens.colorNeutralForeground3 },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
  },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  description: {
    overflowWrap: 'anywhere',
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  strong: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', justifyContent: 'flex-end', alignItems: 'center', flexWrap: 'wrap' },
});

const SEVERITY_COLOURS: Record<ComplaintSeverity, 'danger' | 'warning' | 'informative'> = {
  serious: 'danger',
  moderate: 'warning',
  minor: 'informative',
};

type KindFilter = 'all' | FeedbackKind;

/** Seed 004: complaints and compliments are both recorded; complaints are handled to their root cause. */
export function FeedbackView() {
  const styles = useStyles();
  const navigate = useNavigate();
  const { notify } = useNotify();
  const [unitId, setUnitId] = useUnitScope();
  const unitName = useUnitName();
  const [kind, setKind] = useState<KindFilter>('all');
  const [openOnly, setOpenOnly] = useState(false);
  const [editing, setEditing] = useState<{ feedback?: Feedback; kind: FeedbackKind } | null>(null);
  const [deleting, setDeleting] = useState<Feedback | null>(null);
  const { data, error, reload } = useLoad(() => api.listFeedback({ unitId }), [unitId]);

  const rows = useMemo(
    () =>
      (data ?? [])
        .filter((f) => kind === 'all' || f.kind === kind)
        .filter((f) => !openOnly || isOpenComplaint(f))
        .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)),
    [data, kind, openOnly],
  );
  const complaints = (data ?? []).filter((f) => f.kind === 'complaint');
  const open = complaints.filter(isOpenComplaint).length;

  return (
    <Page label="Complaints and compliments">
      <PageHeader
        title="Complaints and compliments"
        subtitle="Every complaint handled to its root cause; every compliment passed on to the people it praises."
        actions={
          <>
            <Button
              appearance="primary"
              icon={<Warning20Regular />}
              onClick={() => setEditing({ kind: 'complaint' })}
            >
              Record complaint
            </Button>
            <Button icon={<ThumbLike20Regular />} onClick={() => setEditing({ kind: 'compliment' })}>
              Record compliment
            </Button>
          </>
        }
      />
      <div className={styles.toolbar}>
        <UnitFilter unitId={unitId} onChange={setUnitId} />
        <TabList
          size="small"
          selectedValue={kind}
          onTabSelect={(_, d) => setKind(d.value as KindFilter)}
          aria-label="Show"
        >
          <Tab value="all">All</Tab>
          <Tab value="complaint">Complaints</Tab>
          <Tab value="compliment">Compliments</Tab>
        </TabList>
        <Switch label="Open complaints only" checked={openOnly} onChange={(_, d) => setOpenOnly(d.checked)} />
        {data ? (
          <Text className={styles.summary}>
            {plural(complaints.length, 'complaint')} ({open} open) ·{' '}
            {plural(data.length - complaints.length, 'compliment')}
          </Text>
        ) : null}
      </div>
      <Section title={unitId ? `Received from ${unitName(unitId)}` : 'Received from all units'}>
        {error ? <Text>{error}</Text> : null}
        {rows.length ? (
          <Table aria-label="Complaints and compliments register" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: 110 }}>Received</TableHeaderCell>
                <TableHeaderCell style={{ width: 180 }}>From</TableHeaderCell>
                <TableHeaderCell>What was said</TableHeaderCell>
                <TableHeaderCell style={{ width: 200 }}>Handling</TableHeaderCell>
                <TableHeaderCell style={{ width: 200 }}>
                  <span className="visually-hidden">Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((f) => {
                const label = `${f.kind === 'complaint' ? 'Complaint' : 'Compliment'} of ${formatDate(f.date)} about ${f.aboutName}`;
                return (
                  <TableRow key={f.id} aria-label={label}>
                    <TableCell>
                      <div className={styles.stack}>
                        <span>{formatDate(f.date)}</span>
                        <Badge
                          appearance="tint"
                          size="small"
                          color={f.kind === 'complaint' ? 'danger' : 'success'}
                        >
                          {f.kind === 'complaint' ? 'Complaint' : 'Compliment'}
                        </Badge>
                      </div>
                    </TableCell>
                    <TableCell>
                      <div className={styles.stack}>
                        <span className={styles.strong}>{f.fromName}</span>
                        {unitId ? null : <span className={styles.sub}>{unitName(f.unitId)}</span>}
                      </div>
                    </TableCell>
                    <TableCell>
                      <div className={styles.stack}>
                        <span className={styles.sub}>
                          {FEEDBACK_SUBJECT_LABELS[f.aboutKind]}: {f.aboutName}
                        </span>
                        <span className={styles.description}>{f.description}</span>
                      </div>
                    </TableCell>
                    <TableCell>
                      {f.kind === 'complaint' ? (
                        <div className={styles.stack}>
                          <span>
                            {f.severity ? (
                              <Badge appearance="filled" size="small" color={SEVERITY_COLOURS[f.severity]}>
                                {COMPLAINT_SEVERITY_LABELS[f.severity]}
                              </Badge>
                            ) : null}{' '}
                            {f.status ? COMPLAINT_STATUS_LABELS[f.status] : ''}
                          </span>
                          {f.resolution ? (
                            <span className={styles.sub}>Resolution: {f.resolution}</span>
                          ) : null}
                          {f.rootCause ? <span className={styles.sub}>Root cause: {f.rootCause}</span> : null}
                        </div>
                      ) : (
                        <span className={styles.sub}>
                          {f.passedOnTo
                            ? `Passed on to ${f.passedOnTo}${f.passedOnDate ? ` on ${formatDate(f.passedOnDate)}` : ''}`
                            : 'Not passed on yet'}
                        </span>
                      )}
                    </TableCell>
                    <TableCell>
                      <div className={styles.actions}>
                        {f.severity === 'serious' && isOpenComplaint(f) ? (
                          <Button
                            size="small"
                            icon={<CalendarAdd20Regular />}
                            onClick={() => navigate(adHocReviewLink(f))}
                          >
                            Plan ad hoc review
                          </Button>
                        ) : null}
                        <EditDeleteButtons
                          name={label}
                          onEdit={() => setEditing({ feedback: f, kind: f.kind })}
                          onDelete={() => setDeleting(f)}
                        />
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        ) : data ? (
          <EmptyText>
            {data.length ? 'Nothing matches this filter.' : 'No complaints or compliments recorded yet.'}
          </EmptyText>
        ) : null}
      </Section>
      <FeedbackDialog
        open={editing !== null}
        feedback={editing?.feedback}
        kind={editing?.kind ?? 'complaint'}
        defaultUnitId={unitId}
        onClose={() => setEditing(null)}
        onSaved={() => void reload()}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete this ${deleting?.kind ?? 'record'}?`}
        confirmLabel="Delete"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.deleteFeedback({ unitId: deleting.unitId, id: deleting.id });
          notify(`Deleted the ${deleting.kind}`);
          await reload();
        }}
      >
        It is removed from the register and from the complaint counts. A resolved complaint is better kept on
        record.
      </ConfirmDialog>
    </Page>
  );
}
