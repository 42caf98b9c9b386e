import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { BUILT_IN_TEMPLATES, type BuiltInTemplate } from '../../../shared/domain/builtin-templates';
import { newId } from '../../../shared/domain/ids';
import type { AgendaTemplate, TemplateFields } from '../../../shared/domain/meetings';
import { notFound, replaceById, stamp, type ServiceContext } from '../context';
import { templatesShard } from '../store/shards';

type TemplateHandlers = Pick<
  WorkbookHandlers,
  | 'listTemplates'
  | 'createTemplate'
  | 'copyTemplate'
  | 'updateTemplate'
  | 'deleteTemplate'
  | 'restoreBuiltInTemplates'
>;

const builtInFields = (builtIn: BuiltInTemplate): TemplateFields => ({
  name: builtIn.name,
  kind: builtIn.kind,
  items: builtIn.items.map((item) => ({ id: newId(), ...item })),
});

function checkItemIds(fields: TemplateFields): void {
  const ids = new Set(fields.items.map((i) => i.id));
  if (ids.size !== fields.items.length) {
    throw new WorkbookError(
      'invalid-input',
      'Two agenda items share an id; reload the template and try again.',
    );
  }
}

/**
 * The templates file, with the built-ins seeded the first time it is read empty (a new workbook), so that
 * opening a workbook writes nothing. If that write fails the built-ins are still offered from memory.
 */
export function agendaTemplates(ctx: ServiceContext) {
  const save = (next: AgendaTemplate[]) => ctx.store.put(templatesShard, null, { templates: next }).templates;
  const builtIn = (b: BuiltInTemplate): AgendaTemplate => ({
    ...stamp(ctx, b.id, builtInFields(b)),
    builtInKey: b.key,
  });
  const all = (): AgendaTemplate[] => {
    const stored = ctx.store.get(templatesShard).templates;
    if (stored.length > 0) return stored;
    const seeded = BUILT_IN_TEMPLATES.map(builtIn);
    try {
      return save(seeded);
    } catch (error) {
      if (error instanceof WorkbookError) return seeded;
      throw error;
    }
  };
  return { all, save, builtIn };
}

export function templatesHandlers(ctx: ServiceContext): TemplateHandlers {
  const { all: templates, save, builtIn } = agendaTemplates(ctx);

  return {
    listTemplates: () => templates(),

    createTemplate: ({ fields }) => {
      checkItemIds(fields);
      const template: AgendaTemplate = { ...stamp(ctx, newId(), fields), builtInKey: null };
      save([...templates(), template]);
      return template;
    },

    copyTemplate: ({ id }) => {
      const source = templates().find((t) => t.id === id);
      if (!source) throw notFound('agenda template');
      const copy: AgendaTemplate = {
        ...stamp(ctx, newId(), {
          name: `${source.name} (copy)`.slice(0, 200),
          kind: source.kind,
          items: source.items.map((item) => ({ ...item, id: newId() })),
        }),
        builtInKey: null,
      };
      save([...templates(), copy]);
      return copy;
    },

    updateTemplate: ({ id, fields }) => {
      checkItemIds(fields);
      const { list, record } = replaceById(
        ctx,
        templates(),
        id,
        (t) => ({ ...t, ...fields }),
        'agenda template',
      );
      save(list);
      return record;
    },

    // Meetings keep their own copy of the agenda, so deleting a template changes no meeting.
    deleteTemplate: ({ id }) => {
      if (!templates().some((t) => t.id === id)) throw notFound('agenda template');
      save(templates().filter((t) => t.id !== id));
      return { deleted: id };
    },

    restoreBuiltInTemplates: () => {
      let next = templates().slice();
      for (const b of BUILT_IN_TEMPLATES) {
        const index = next.findIndex((t) => t.builtInKey === b.key);
        const current = next[index];
        if (current) {
          next[index] = { ...current, ...builtInFields(b), updatedAt: ctx.now().toISOString() };
        } else {
          const restored = builtIn(b);
          if (next.some((t) => t.id === restored.id)) restored.id = newId();
          next = [...next, restored];
        }
      }
      return save(next);
    },
  };
}
