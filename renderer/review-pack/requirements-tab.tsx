import {
  Badge,
  Button,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { BusinessUnit } from '../../shared/domain/customers';
import {
  REQUIREMENT_KIND_LABELS,
  isRequirementOpen,
  raisedBy,
  type Requirement,
  type RequirementKind,
} from '../../shared/domain/review-pack';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { formatDate } from '../ui/format';
import { EmptyText, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { MeetingLink, Muted, RequirementStatusBadge } from './parts';
import type { MeetingOption } from './use-review-records';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';
import { RequirementDialog, StatusDialog } from './requirement-dialogs';

const useStyles = makeStyles({
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  cell: { padding: `${tokens.spacingVerticalXS} 0` },
  actions: { display: 'flex', justifyContent: 'flex-end', alignItems: 'center' },
});

/**
 * Seed 002: requirements the business raises and improvements the BRM proposes, each routed to the
 * person who can decide it, and followed until decided and delivered.
 */
export function RequirementsTab(props: {
  unit: BusinessUnit;
  requirements: readonly Requirement[];
  meetings: readonly MeetingOption[];
  onChanged: () => void;
}) {
  const styles = useStyles();
  const { notify } = useNotify();
  const contacts = useAppStore((s) => s.directory.contacts);
  const [showClosed, setShowClosed] = useState(false);
  const [editing, setEditing] = useState<Requirement | RequirementKind | null>(null);
  const [changing, setChanging] = useState<Requirement | null>(null);
  const [deleting, setDeleting] = useState<Requirement | null>(null);
  const contactName = (id: string | null) => contacts.find((c) => c.id === id)?.name ?? '';
  const shown = props.requirements
    .filter((r) => showClosed || isRequirementOpen(r.status))
    .sort((a, b) => b.raisedOn.localeCompare(a.raisedOn));
  const closedCount = props.requirements.filter((r) => !isRequirementOpen(r.status)).length;

  return (
    <Section
      title="Requirements and proposals"
      actions={
        <>
          <Switch
            label={`Show delivered and closed (${closedCount})`}
            checked={showClosed}
            onChange={(_, d) => setShowClosed(d.checked)}
          />
          <Button icon={<Add20Regular />} onClick={() => setEditing('proposal')}>
            Propose improvement
          </Button>
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => setEditing('requirement')}>
            Record requirement
          </Button>
        </>
      }
    >
      {shown.length ? (
        <Table size="small" aria-label="Requirements and proposals">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Requirement or proposal</TableHeaderCell>
              <TableHeaderCell style={{ width: 170 }}>Raised</TableHeaderCell>
              <TableHeaderCell style={{ width: 170 }}>Decided by</TableHeaderCell>
              <TableHeaderCell style={{ width: 170 }}>Status</TableHeaderCell>
              <TableHeaderCell style={{ width: 170 }}>Discussed in</TableHeaderCell>
              <TableHeaderCell style={{ width: 190 }}>
                <span className="visually-hidden">Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  <div className={styles.cell}>
                    <div className={styles.title}>{r.title}</div>
                    <Badge
                      appearance="outline"
                      size="small"
                      color={r.kind === 'proposal' ? 'brand' : 'informative'}
                    >
                      {REQUIREMENT_KIND_LABELS[r.kind]}
                    </Badge>
                  </div>
                </TableCell>
                <TableCell>
                  <div>{raisedBy(r, contactName) || <Muted>Unknown</Muted>}</div>
                  <div className={styles.sub}>{formatDate(r.raisedOn)}</div>
                </TableCell>
                <TableCell>{r.decisionRoute === 'customer-decision' ? 'Customer' : 'Purchaser'}</TableCell>
                <TableCell>
                  <RequirementStatusBadge status={r.status} />
                  <div className={styles.sub}>since {r.history.at(-1)?.date ?? r.raisedOn}</div>
                </TableCell>
                <TableCell>
                  <MeetingLink meetingId={r.discussedInMeetingId} meetings={props.meetings} />
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button size="small" onClick={() => setChanging(r)}>
                      Change status
                    </Button>
                    <EditDeleteButtons
                      name={r.title}
                      onEdit={() => setEditing(r)}
                      onDelete={() => setDeleting(r)}
                    />
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <EmptyText>
          {props.requirements.length
            ? 'Nothing open: every requirement and proposal is delivered or closed.'
            : `No requirements or proposals recorded for ${props.unit.name}.`}
        </EmptyText>
      )}
      {editing ? (
        <RequirementDialog
          unit={props.unit}
          requirement={typeof editing === 'string' ? null : editing}
          kind={typeof editing === 'string' ? editing : editing.kind}
          meetings={props.meetings}
          onClose={() => setEditing(null)}
          onSaved={props.onChanged}
        />
      ) : null}
      {changing ? (
        <StatusDialog
          unitId={props.unit.id}
          requirement={changing}
          onClose={() => setChanging(null)}
          onSaved={props.onChanged}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.title ?? 'requirement'}?`}
        confirmLabel="Delete"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.deleteRequirement({ unitId: props.unit.id, id: deleting.id });
          notify(`Deleted ${deleting.title}`);
          props.onChanged();
        }}
      >
        It is removed with its history. To keep the record, set its status to Withdrawn instead.
      </ConfirmDialog>
    </Section>
  );
}
