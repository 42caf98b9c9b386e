import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ActionRegister, ActionRow } from '../../shared/contract/meetings';
import { meetingLabel } from '../../shared/domain/action-trail';
import type { BusinessUnit } from '../../shared/domain/customers';
import { formatDayLong, isOverdue, todayOf } from '../../shared/domain/meeting-dates';
import { ACTION_STATUS_LABELS } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { EmptyText, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { ChangeActionDialog } from './change-action-dialog';

const useStyles = makeStyles({
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/** On a unit's page: the actions still open, so the BRM never walks into a review without them. */
export function UnitActionsSection({ unit }: { unit: BusinessUnit }) {
  const styles = useStyles();
  const { notify, notifyError } = useNotify();
  const [register, setRegister] = useState<ActionRegister | null>(null);
  const [changing, setChanging] = useState<ActionRow | null>(null);
  const [revision, setRevision] = useState(0);
  const today = todayOf();

  useEffect(() => {
    api
      .listActions({
        unitId: unit.id,
        owner: null,
        statuses: ['open', 'in-progress'],
        today,
        overdueOnly: false,
      })
      .then(setRegister)
      .catch(notifyError);
  }, [unit.id, today, notifyError, revision]);

  return (
    <Section title="Open actions">
      {register?.actions.length ? (
        <Table aria-label="Open actions" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Action</TableHeaderCell>
              <TableHeaderCell style={{ width: 160 }}>Owner</TableHeaderCell>
              <TableHeaderCell style={{ width: 150 }}>Due</TableHeaderCell>
              <TableHeaderCell style={{ width: 110 }}>Status</TableHeaderCell>
              <TableHeaderCell style={{ width: 100 }}>
                <span className={styles.sub}>Change</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {register.actions.map((a) => {
              const raisedIn = a.raisedInMeetingId ? register.meetings[a.raisedInMeetingId] : undefined;
              const overdue = isOverdue(a, today);
              return (
                <TableRow key={a.id}>
                  <TableCell>
                    <div className={styles.title}>{a.title}</div>
                    {raisedIn ? (
                      <div className={styles.sub}>
                        Raised in <Link to={`/meetings/${raisedIn.id}`}>{meetingLabel(raisedIn)}</Link>
                      </div>
                    ) : null}
                  </TableCell>
                  <TableCell>{a.owner || '—'}</TableCell>
                  <TableCell className={overdue ? styles.overdue : undefined}>
                    {formatDayLong(a.dueDate)}
                    {overdue ? ' · overdue' : ''}
                  </TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={a.status === 'in-progress' ? 'warning' : 'informative'}>
                      {ACTION_STATUS_LABELS[a.status]}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <Button size="small" aria-label={`Change ${a.title}`} onClick={() => setChanging(a)}>
                      Change…
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : (
        <EmptyText>{register ? `No open actions for ${unit.name}.` : 'Loading actions…'}</EmptyText>
      )}
      <ChangeActionDialog
        action={changing}
        onClose={() => setChanging(null)}
        onChanged={(action) => {
          setRevision((r) => r + 1);
          notify(`Changed "${action.title}"`);
        }}
      />
    </Section>
  );
}
