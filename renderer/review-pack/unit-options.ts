import type { BusinessUnit } from '../../shared/domain/customers';

export interface UnitOption {
  id: string;
  /** The unit's name indented by its depth, for a flat picker that still shows the tree. */
  label: string;
  name: string;
}

/** Units in tree order (parents before children, siblings by name), archived ones left out. */
export function unitOptions(units: readonly BusinessUnit[]): UnitOption[] {
  const live = units.filter((u) => !u.archived);
  const ids = new Set(live.map((u) => u.id));
  const children = (parentId: string | null) =>
    live
      .filter((u) => (u.parentId && ids.has(u.parentId) ? u.parentId : null) === parentId)
      .sort((a, b) => a.name.localeCompare(b.name));
  const out: UnitOption[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const unit of children(parentId)) {
      out.push({ id: unit.id, name: unit.name, label: `${'\u2003'.repeat(depth)}${unit.name}` });
      if (depth < 20) walk(unit.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
