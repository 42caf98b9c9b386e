import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { BusinessUnit } from '../../shared/domain/customers';
import { ColumnMappingFields, CsvFileChooser, ImportErrors, RowsToImport } from './import-results-parts';
import { useResultsImport } from './use-results-import';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '92vw' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Import service results from a CSV file: the columns it found and how they map (changeable), every
 * row it read, every row it refuses. Import is offered only when nothing is refused — all rows or none.
 */
export function ImportResultsDialog(props: {
  unit: BusinessUnit;
  onClose: () => void;
  onImported: (firstMonth: string | null) => void;
}) {
  const styles = useStyles();
  const { file, plan, error, busy, importable, choose, remap, runImport } = useResultsImport(props);
  return (
    <Dialog open onOpenChange={(_, d) => (d.open ? undefined : props.onClose())}>
      <DialogSurface className={styles.surface} aria-label="Import service results">
        <DialogBody>
          <DialogTitle>Import service results for {props.unit.name}</DialogTitle>
          <DialogContent className={styles.body}>
            <Text>
              A CSV file with one row per service level and month, as exported from the service-management
              tool: columns for the service, the metric, the month (2026-10) and the achieved value. Nothing
              is stored until you import, and nothing at all when a row is refused.
            </Text>
            <CsvFileChooser fileName={file?.name ?? null} onChoose={(chosen) => void choose(chosen)} />

            {error ? (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            ) : null}

            {plan && plan.columns.length ? <ColumnMappingFields plan={plan} onRemap={remap} /> : null}
            {plan && plan.errors.length ? <ImportErrors plan={plan} /> : null}
            {plan && plan.rows.length ? <RowsToImport rows={plan.rows} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onClose}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={!importable || busy} onClick={() => void runImport()}>
              {plan && importable
                ? `Import ${plan.rows.length} result${plan.rows.length === 1 ? '' : 's'}`
                : 'Import'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
