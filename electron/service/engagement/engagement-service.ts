import { format } from 'date-fns';
import type { WorkbookHandlers } from '../../../shared/contract';
import { engagementRows, type EngagementFile, type EngagementRow } from '../../../shared/domain/engagement';
import { newId } from '../../../shared/domain/ids';
import { notFound, stamp, type ServiceContext } from '../context';
import { directoryShard, engagementShard, meetingShard } from '../store/shards';

type EngagementHandlers = Pick<
  WorkbookHandlers,
  | 'listEngagement'
  | 'logContact'
  | 'listContactLog'
  | 'deleteContactLog'
  | 'getRoleCadence'
  | 'setRoleCadence'
  | 'setContactCadence'
>;

/** Every contact's relationship (of one unit, or of all), as of today. */
export function listEngagement(ctx: ServiceContext, unitId: string | null): EngagementRow[] {
  const { units, contacts } = ctx.store.get(directoryShard);
  if (unitId && !units.some((u) => u.id === unitId)) throw notFound('business unit');
  const archived = new Set(units.filter((u) => u.archived).map((u) => u.id));
  const inScope = contacts.filter((c) => (unitId ? c.unitId === unitId : !archived.has(c.unitId)));
  // Summaries hold who was present: no meeting file is read.
  const meetings = [...ctx.store.summaries(meetingShard).values()].filter(
    (m) => !unitId || m.unitId === unitId,
  );
  return engagementRows(inScope, meetings, ctx.store.get(engagementShard), format(ctx.now(), 'yyyy-MM-dd'));
}

export function engagementHandlers(ctx: ServiceContext): EngagementHandlers {
  const file = () => ctx.store.get(engagementShard);
  const save = (next: EngagementFile) => ctx.store.put(engagementShard, null, next);
  const requireContact = (contactId: string) => {
    const contact = ctx.store.get(directoryShard).contacts.find((c) => c.id === contactId);
    if (!contact) throw notFound('contact');
    return contact;
  };

  return {
    listEngagement: ({ unitId }) => listEngagement(ctx, unitId),

    logContact: ({ contactId, date, note }) => {
      const { unitId } = requireContact(contactId);
      const entry = stamp(ctx, newId(), { contactId, date, note, unitId });
      const current = file();
      save({ ...current, informal: [...current.informal, entry] });
      return entry;
    },

    listContactLog: ({ contactId }) =>
      file()
        .informal.filter((i) => i.contactId === contactId)
        .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)),

    deleteContactLog: ({ id }) => {
      const current = file();
      if (!current.informal.some((i) => i.id === id)) throw notFound('informal contact');
      save({ ...current, informal: current.informal.filter((i) => i.id !== id) });
      return { deleted: id };
    },

    getRoleCadence: () => file().roleCadence,

    setRoleCadence: ({ cadence }) => save({ ...file(), roleCadence: cadence }).roleCadence,

    setContactCadence: ({ contactId, months, inherit }) => {
      const contact = requireContact(contactId);
      const current = file();
      const others = current.overrides.filter((o) => o.contactId !== contactId);
      save({ ...current, overrides: inherit ? others : [...others, { contactId, months }] });
      const row = listEngagement(ctx, contact.unitId).find((r) => r.contactId === contactId);
      if (!row) throw notFound('contact');
      return row;
    },
  };
}
