import {
  Link,
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
import { surveyAverage } from '../../shared/domain/register-rules';
import type { Survey } from '../../shared/domain/registers';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';
import { formatChange, formatDate, formatScore } from '../ui/format';
import { toneOfChange } from '../ui/stat-tile';
import { useUnitName } from '../ui/unit-filter';
import type { UnitResult } from './use-satisfaction';

const useStyles = makeStyles({
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  comment: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

/** Across units: each unit's latest result and change; a unit's name narrows the view to that unit. */
export function UnitResultsTable(props: {
  byUnit: readonly UnitResult[];
  onChooseUnit: (unitId: string) => void;
}) {
  const styles = useStyles();
  const unitName = useUnitName();
  return (
    <Table aria-label="Latest result per unit" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Unit</TableHeaderCell>
          <TableHeaderCell style={{ width: 140 }}>Latest survey</TableHeaderCell>
          <TableHeaderCell style={{ width: 100 }}>Result</TableHeaderCell>
          <TableHeaderCell style={{ width: 160 }}>Change</TableHeaderCell>
          <TableHeaderCell style={{ width: 100 }}>Surveys</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.byUnit.map((u) => (
          <TableRow key={u.unitId}>
            <TableCell>
              <Link as="button" onClick={() => props.onChooseUnit(u.unitId)}>
                {unitName(u.unitId)}
              </Link>
            </TableCell>
            <TableCell>{formatDate(u.summary.latest?.date ?? null)}</TableCell>
            <TableCell className={styles.strong}>{formatScore(u.summary.latest?.average)}</TableCell>
            <TableCell>
              <ChangeText change={u.summary.change} />
            </TableCell>
            <TableCell>{u.count}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The surveys, newest first; across units each respondent shows their unit under their name. */
export function SurveysTable(props: {
  surveys: readonly Survey[];
  unitId: string | null;
  onEdit: (survey: Survey) => void;
  onDelete: (survey: Survey) => void;
}) {
  const styles = useStyles();
  const unitName = useUnitName();
  return (
    <Table aria-label="Surveys" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell style={{ width: 120 }}>Date</TableHeaderCell>
          <TableHeaderCell style={{ width: 220 }}>Respondent</TableHeaderCell>
          <TableHeaderCell style={{ width: 90 }}>Result</TableHeaderCell>
          <TableHeaderCell>Comment</TableHeaderCell>
          <TableHeaderCell style={{ width: 84 }}>
            <span className="visually-hidden">Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...props.surveys]
          .sort((a, b) => b.date.localeCompare(a.date))
          .map((s) => {
            const label = `survey of ${formatDate(s.date)} by ${s.respondentName}`;
            return (
              <TableRow key={s.id} aria-label={label}>
                <TableCell>{formatDate(s.date)}</TableCell>
                <TableCell>
                  <div className={styles.strong}>{s.respondentName}</div>
                  {props.unitId ? null : <div className={styles.sub}>{unitName(s.unitId)}</div>}
                </TableCell>
                <TableCell className={styles.strong}>{formatScore(surveyAverage(s))}</TableCell>
                <TableCell className={styles.comment}>{s.comment}</TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <EditDeleteButtons
                      name={label}
                      onEdit={() => props.onEdit(s)}
                      onDelete={() => props.onDelete(s)}
                    />
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
      </TableBody>
    </Table>
  );
}

function ChangeText({ change }: { change: number | null }) {
  const tone = toneOfChange(change);
  if (change === null) return <Text>—</Text>;
  return (
    <Text
      style={{
        color:
          tone === 'good'
            ? tokens.colorPaletteGreenForeground1
            : tone === 'bad'
              ? tokens.colorPaletteRedForeground1
              : undefined,
      }}
    >
      {formatChange(change)}
    </Text>
  );
}
