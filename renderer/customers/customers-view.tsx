import { Button, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useAppStore } from '../app/store';
import { EmptyText, Page, PageHeader } from '../ui/page';
import { UnitDialog } from './unit-dialog';
import { UnitPage } from './unit-page';
import { UnitTree } from './unit-tree';

const useStyles = makeStyles({
  split: { display: 'grid', gridTemplateColumns: '280px 1fr', height: '100%', minHeight: 0 },
  treePane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowY: 'auto',
  },
  paneTitle: {
    margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  detail: { overflowY: 'auto', minWidth: 0 },
});

/** The customer structure: the tree of business units beside the selected unit's page. */
export function CustomersView() {
  const styles = useStyles();
  const { unitId } = useParams();
  const navigate = useNavigate();
  const units = useAppStore((s) => s.directory.units);
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const visible = useMemo(
    () => units.filter((u) => showArchived || !u.archived || u.id === unitId),
    [units, showArchived, unitId],
  );
  const unit = units.find((u) => u.id === unitId);

  return (
    <div className={styles.split}>
      <aside className={styles.treePane} aria-label="Customer structure">
        <h2 className={styles.paneTitle}>Customer structure</h2>
        <Button icon={<Add20Regular />} onClick={() => setCreating(true)}>
          New top-level unit
        </Button>
        {visible.length ? (
          <UnitTree units={visible} selectedId={unitId ?? null} />
        ) : (
          <EmptyText>No business units yet.</EmptyText>
        )}
        <Switch
          label="Show archived units"
          checked={showArchived}
          onChange={(_, d) => setShowArchived(d.checked)}
        />
      </aside>
      <div className={styles.detail}>
        {unit ? (
          <UnitPage unit={unit} />
        ) : (
          <Page>
            <PageHeader
              title={unitId ? 'This unit no longer exists' : 'Business units'}
              subtitle="Build the customer structure of the business units you serve: per unit its customer, its purchasers and its other contacts."
              actions={
                <Button appearance="primary" icon={<Add20Regular />} onClick={() => setCreating(true)}>
                  New business unit
                </Button>
              }
            />
            <EmptyText>
              {units.length
                ? 'Choose a unit in the tree.'
                : 'Start with your company or the first division you serve.'}
            </EmptyText>
          </Page>
        )}
      </div>
      <UnitDialog
        open={creating}
        parentId={null}
        defaultKind={units.length ? 'division' : 'company'}
        onClose={() => setCreating(false)}
        onSaved={(u) => navigate(`/units/${u.id}`)}
      />
    </div>
  );
}
