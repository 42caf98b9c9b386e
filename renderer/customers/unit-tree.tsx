import { Badge, Tree, TreeItem, TreeItemLayout, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { BusinessUnit } from '../../shared/domain/customers';

const useStyles = makeStyles({
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    fontWeight: tokens.fontWeightSemibold,
  },
  archived: { color: tokens.colorNeutralForeground4 },
});

/** Company → division → department, every branch open: a BRM serves a handful of units, not thousands. */
export function UnitTree({
  units,
  selectedId,
}: {
  units: readonly BusinessUnit[];
  selectedId: string | null;
}) {
  const styles = useStyles();
  const navigate = useNavigate();
  const children = useMemo(() => {
    const map = new Map<string | null, BusinessUnit[]>();
    const ids = new Set(units.map((u) => u.id));
    for (const unit of units) {
      const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
      map.set(parent, [...(map.get(parent) ?? []), unit]);
    }
    for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return map;
  }, [units]);
  const openItems = useMemo(() => units.map((u) => u.id), [units]);

  const renderLevel = (parentId: string | null) =>
    (children.get(parentId) ?? []).map((unit) => {
      const kids = children.get(unit.id) ?? [];
      return (
        <TreeItem key={unit.id} itemType={kids.length ? 'branch' : 'leaf'} value={unit.id}>
          <TreeItemLayout
            className={unit.id === selectedId ? styles.selected : unit.archived ? styles.archived : undefined}
            aria-current={unit.id === selectedId ? 'page' : undefined}
            onClick={() => navigate(`/units/${unit.id}`)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') navigate(`/units/${unit.id}`);
            }}
            aside={
              unit.archived ? (
                <Badge appearance="outline" size="small">
                  Archived
                </Badge>
              ) : undefined
            }
          >
            {unit.name}
          </TreeItemLayout>
          {kids.length ? <Tree>{renderLevel(unit.id)}</Tree> : null}
        </TreeItem>
      );
    });

  return (
    <Tree aria-label="Business units" openItems={openItems}>
      {renderLevel(null)}
    </Tree>
  );
}
