import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import type { Contact, ContactFields, Directory } from '../../../shared/domain/customers';
import { isSelfOrDescendant, siblingWithName } from '../../../shared/domain/customers';
import { newId } from '../../../shared/domain/ids';
import { notFound, replaceById, stamp, type ServiceContext } from '../context';
import { directoryShard, meetingShard, unitRecordsShard } from '../store/shards';
import { requireUnit as requireUnitIn } from '../store/unit-records';

type CustomerHandlers = Pick<
  WorkbookHandlers,
  | 'getDirectory'
  | 'createUnit'
  | 'updateUnit'
  | 'moveUnit'
  | 'setUnitArchived'
  | 'deleteUnit'
  | 'recordMaturity'
  | 'createContact'
  | 'updateContact'
  | 'deleteContact'
>;

/** A unit has one customer: the contact with the mandate to decide on and finance IT services. */
function checkSingleCustomer(
  ctx: ServiceContext,
  unitId: string,
  fields: ContactFields,
  exceptId: string | null,
) {
  if (fields.role !== 'customer') return;
  const existing = ctx.store
    .get(directoryShard)
    .contacts.find((c) => c.unitId === unitId && c.role === 'customer' && c.id !== exceptId);
  if (existing) {
    throw new WorkbookError(
      'conflict',
      `${requireUnitIn(ctx.store, unitId).name} already has a customer: ${existing.name}. A unit has one customer; record this person as a purchaser, or change ${existing.name}'s role first.`,
      { role: `This unit already has a customer (${existing.name}).` },
    );
  }
}

export function customersHandlers(ctx: ServiceContext): CustomerHandlers {
  const directory = () => ctx.store.get(directoryShard);
  const save = (next: Directory) => ctx.store.put(directoryShard, null, next);
  const requireUnit = (id: string) => requireUnitIn(ctx.store, id);

  /** Two siblings with one name make every picker show two identical entries: refuse the second. */
  const checkUniqueName = (parentId: string | null, name: string, exceptId: string | null, field: string) => {
    const twin = siblingWithName(directory().units, parentId, name, exceptId);
    if (!twin) return;
    const where = parentId ? `under ${requireUnit(parentId).name}` : 'at the top of the customer structure';
    const message = `There is already a unit named "${twin.name}" ${where}. Give this unit another name.`;
    throw new WorkbookError('conflict', message, { [field]: message });
  };

  /** Why a unit cannot be deleted, or null. Records would be orphaned, so they block deletion. */
  const deletionBlocker = (unitId: string): string | null => {
    const dir = directory();
    const children = dir.units.filter((u) => u.parentId === unitId).length;
    if (children > 0)
      return `it has ${children} child unit${children === 1 ? '' : 's'}. Move or delete them first`;
    const meetings = [...ctx.store.summaries(meetingShard).values()].filter(
      (m) => m.unitId === unitId,
    ).length;
    if (meetings > 0)
      return `it has ${meetings} meeting${meetings === 1 ? '' : 's'}. Archive the unit instead`;
    if (ctx.store.has(unitRecordsShard, unitId)) {
      const records = ctx.store.get(unitRecordsShard, unitId);
      const count = Object.values(records).reduce(
        (n, list) => n + (Array.isArray(list) ? list.length : 0),
        0,
      );
      if (count > 0)
        return `it has ${count} action or register record${count === 1 ? '' : 's'}. Archive the unit instead`;
    }
    return null;
  };

  return {
    getDirectory: () => directory(),

    createUnit: ({ parentId, fields }) => {
      if (parentId) requireUnit(parentId);
      checkUniqueName(parentId, fields.name, null, 'fields.name');
      const unit = { ...stamp(ctx, newId(), fields), parentId, archived: false, maturity: [] };
      const dir = directory();
      save({ ...dir, units: [...dir.units, unit] });
      return unit;
    },

    updateUnit: ({ id, fields }) => {
      const dir = directory();
      checkUniqueName(requireUnit(id).parentId, fields.name, id, 'fields.name');
      const { list, record } = replaceById(ctx, dir.units, id, (u) => ({ ...u, ...fields }), 'business unit');
      save({ ...dir, units: list });
      return record;
    },

    moveUnit: ({ id, parentId }) => {
      const dir = directory();
      if (parentId) {
        requireUnit(parentId);
        if (isSelfOrDescendant(dir.units, id, parentId)) {
          throw new WorkbookError(
            'conflict',
            'A unit cannot be moved under itself or one of its own sub-units.',
            {
              parentId: 'Choose a unit outside this branch.',
            },
          );
        }
      }
      checkUniqueName(parentId, requireUnit(id).name, id, 'parentId');
      const { list, record } = replaceById(ctx, dir.units, id, (u) => ({ ...u, parentId }), 'business unit');
      save({ ...dir, units: list });
      return record;
    },

    setUnitArchived: ({ id, archived }) => {
      const dir = directory();
      const { list, record } = replaceById(ctx, dir.units, id, (u) => ({ ...u, archived }), 'business unit');
      save({ ...dir, units: list });
      return record;
    },

    deleteUnit: ({ id }) => {
      const unit = requireUnit(id);
      const blocker = deletionBlocker(id);
      if (blocker) throw new WorkbookError('conflict', `${unit.name} cannot be deleted: ${blocker}.`);
      const dir = directory();
      save({
        units: dir.units.filter((u) => u.id !== id),
        contacts: dir.contacts.filter((c) => c.unitId !== id),
      });
      if (ctx.store.has(unitRecordsShard, id)) ctx.store.remove(unitRecordsShard, id);
      return { deleted: id };
    },

    recordMaturity: ({ unitId, level, assessedOn, note }) => {
      const dir = directory();
      const entry = { id: newId(), level, assessedOn, note };
      const { list, record } = replaceById(
        ctx,
        dir.units,
        unitId,
        (u) => ({
          ...u,
          maturity: [...u.maturity, entry].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn)),
        }),
        'business unit',
      );
      save({ ...dir, units: list });
      return record;
    },

    createContact: ({ unitId, fields }) => {
      requireUnit(unitId);
      checkSingleCustomer(ctx, unitId, fields, null);
      const contact: Contact = { ...stamp(ctx, newId(), fields), unitId };
      const dir = directory();
      save({ ...dir, contacts: [...dir.contacts, contact] });
      return contact;
    },

    updateContact: ({ id, fields }) => {
      const dir = directory();
      const current = dir.contacts.find((c) => c.id === id);
      if (!current) throw notFound('contact');
      checkSingleCustomer(ctx, current.unitId, fields, id);
      const { list, record } = replaceById(ctx, dir.contacts, id, (c) => ({ ...c, ...fields }), 'contact');
      save({ ...dir, contacts: list });
      return record;
    },

    deleteContact: ({ id }) => {
      const dir = directory();
      if (!dir.contacts.some((c) => c.id === id)) throw notFound('contact');
      save({ ...dir, contacts: dir.contacts.filter((c) => c.id !== id) });
      return { deleted: id };
    },
  };
}
