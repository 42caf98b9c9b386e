import {
  Badge,
  Button,
  Field,
  Input,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  Add20Regular,
  ArrowDown20Regular,
  ArrowReset20Regular,
  ArrowUp20Regular,
  Copy20Regular,
  Delete20Regular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { newId } from '../../shared/domain/ids';
import {
  MEETING_KINDS,
  MEETING_KIND_LABELS,
  templateFieldsSchema,
  type AgendaTemplate,
  type TemplateFields,
  type TemplateItem,
} from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyText, Page, PageHeader } from '../ui/page';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';
import { ChoiceSelect } from '../ui/choice-select';

const useStyles = makeStyles({
  split: { display: 'grid', gridTemplateColumns: '280px minmax(0, 1fr)', gap: tokens.spacingHorizontalL },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    alignSelf: 'start',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  pick: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  picked: { backgroundColor: tokens.colorBrandBackground2 },
  pickName: { fontWeight: tokens.fontWeightSemibold },
  pickMeta: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  editor: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  head: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalM,
  },
  items: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '10px' },
  item: {
    display: 'grid',
    gridTemplateColumns: '28px minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  number: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3, paddingTop: '6px' },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  tools: { display: 'flex', flexDirection: 'column', gap: '2px' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  unsaved: { color: tokens.colorPaletteMarigoldForeground1, fontSize: tokens.fontSizeBase200 },
  addItem: { alignSelf: 'flex-start' },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const fieldsOf = (t: AgendaTemplate): TemplateFields => ({ name: t.name, kind: t.kind, items: t.items });

/** Sidebar "Agenda templates": the built-ins from seed 004 and the BRM's own, edited item by item. */
export function TemplatesView() {
  const styles = useStyles();
  const { notify, notifyError } = useNotify();
  const [templates, setTemplates] = useState<AgendaTemplate[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const selected = templates.find((t) => t.id === selectedId) ?? null;

  const load = useCallback(
    (select?: string) =>
      api
        .listTemplates({})
        .then((list) => {
          setTemplates(list);
          setSelectedId((current) => select ?? current ?? list[0]?.id ?? null);
        })
        .catch(notifyError),
    [notifyError],
  );
  useEffect(() => void load(), [load]);

  const create = () =>
    void api
      .createTemplate({
        fields: {
          name: 'New agenda template',
          kind: 'periodic',
          items: [{ id: newId(), title: 'First item', guidance: '' }],
        },
      })
      .then((t) => load(t.id))
      .catch(notifyError);

  return (
    <Page label="Agenda templates">
      <PageHeader
        title="Agenda templates"
        subtitle="The agenda a new meeting starts from. Meetings keep their own copy: changing a template changes no meeting already planned."
        actions={
          <>
            <Button icon={<ArrowReset20Regular />} onClick={() => setRestoring(true)}>
              Restore built-in templates
            </Button>
            <Button appearance="primary" icon={<Add20Regular />} onClick={create}>
              New template
            </Button>
          </>
        }
      />
      <div className={styles.split}>
        <ul className={styles.list} aria-label="Templates">
          {templates.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className={mergeClasses(styles.pick, t.id === selectedId && styles.picked)}
                aria-current={t.id === selectedId ? 'true' : undefined}
                onClick={() => setSelectedId(t.id)}
              >
                <span className={styles.pickName}>{t.name}</span>
                <span className={styles.pickMeta}>
                  {MEETING_KIND_LABELS[t.kind]} · {t.items.length} items
                  {t.builtInKey ? (
                    <Badge appearance="tint" size="small">
                      Built-in
                    </Badge>
                  ) : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {selected ? (
          <TemplateEditor
            key={`${selected.id}-${selected.updatedAt}`}
            template={selected}
            onSaved={(t) => {
              notify(`Saved ${t.name}`);
              void load(t.id);
            }}
            onCopy={() =>
              void api
                .copyTemplate({ id: selected.id })
                .then((t) => {
                  notify(`Copied to ${t.name}`);
                  return load(t.id);
                })
                .catch(notifyError)
            }
            onDelete={() => setDeleting(true)}
          />
        ) : (
          <EmptyText>No templates. Restore the built-in ones or create your own.</EmptyText>
        )}
      </div>
      <ConfirmDialog
        open={deleting}
        title={`Delete ${selected?.name ?? 'template'}?`}
        confirmLabel="Delete template"
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          if (!selected) return;
          await api.deleteTemplate({ id: selected.id });
          notify(`Deleted ${selected.name}`);
          setSelectedId(null);
          await load();
        }}
      >
        Meetings planned from it keep their agenda. A deleted built-in template can be restored.
      </ConfirmDialog>
      <ConfirmDialog
        open={restoring}
        title="Restore the built-in templates?"
        confirmLabel="Restore"
        onClose={() => setRestoring(false)}
        onConfirm={async () => {
          setTemplates(await api.restoreBuiltInTemplates({}));
          notify('Built-in templates restored');
        }}
      >
        The annual, periodic and ad hoc templates go back to their shipped items and guidance; deleted ones
        come back. Your own templates and copies are not touched.
      </ConfirmDialog>
    </Page>
  );
}

function TemplateEditor(props: {
  template: AgendaTemplate;
  onSaved: (template: AgendaTemplate) => void;
  onCopy: () => void;
  onDelete: () => void;
}) {
  const styles = useStyles();
  const form = useForm(templateFieldsSchema, fieldsOf(props.template));
  const items = form.values.items as TemplateItem[];
  const dirty = JSON.stringify(form.values) !== JSON.stringify(fieldsOf(props.template));

  const setItems = (next: TemplateItem[]) => form.set('items', next);
  const updateItem = (id: string, change: Partial<TemplateItem>) =>
    setItems(items.map((i) => (i.id === id ? { ...i, ...change } : i)));
  const move = (index: number, by: -1 | 1) => {
    const next = items.slice();
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    setItems(next);
  };

  const save = () =>
    void form.submit(async (fields) => {
      props.onSaved(await api.updateTemplate({ id: props.template.id, fields }));
    });

  return (
    <section className={styles.editor} aria-label={`Edit ${props.template.name}`}>
      <div className={styles.footer}>
        <Button appearance="primary" disabled={!dirty || form.saving} onClick={save}>
          Save template
        </Button>
        <Button icon={<Copy20Regular />} onClick={props.onCopy}>
          Copy template
        </Button>
        <Button icon={<Delete20Regular />} onClick={props.onDelete}>
          Delete template
        </Button>
        {dirty ? <span className={styles.unsaved}>Unsaved changes</span> : null}
      </div>
      <div className={styles.head}>
        <Field label="Template name" required validationMessage={form.errors.name}>
          <Input value={form.values.name} onChange={(_, d) => form.set('name', d.value)} />
        </Field>
        <Field label="For meetings of kind">
          <ChoiceSelect
            value={form.values.kind}
            choices={MEETING_KINDS}
            labels={MEETING_KIND_LABELS}
            onChange={(value) => form.set('kind', value)}
          />
        </Field>
      </div>
      <h2 className={styles.sectionTitle}>Agenda items</h2>
      <ol className={styles.items} aria-label="Agenda items">
        {items.map((item, index) => (
          <li key={item.id} className={styles.item}>
            <span className={styles.number}>{index + 1}.</span>
            <div className={styles.fields}>
              <Field
                label={`Item ${index + 1} title`}
                required
                validationMessage={form.errors[`items.${index}.title`]}
              >
                <Input value={item.title} onChange={(_, d) => updateItem(item.id, { title: d.value })} />
              </Field>
              <Field
                label={`Item ${index + 1} guidance`}
                validationMessage={form.errors[`items.${index}.guidance`]}
              >
                <Textarea
                  value={item.guidance}
                  rows={2}
                  resize="vertical"
                  onChange={(_, d) => updateItem(item.id, { guidance: d.value })}
                />
              </Field>
            </div>
            <div className={styles.tools}>
              <Button
                appearance="subtle"
                icon={<ArrowUp20Regular />}
                aria-label={`Move item ${index + 1} up`}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              />
              <Button
                appearance="subtle"
                icon={<ArrowDown20Regular />}
                aria-label={`Move item ${index + 1} down`}
                disabled={index === items.length - 1}
                onClick={() => move(index, 1)}
              />
              <Button
                appearance="subtle"
                icon={<Delete20Regular />}
                aria-label={`Remove item ${index + 1}`}
                onClick={() => setItems(items.filter((i) => i.id !== item.id))}
              />
            </div>
          </li>
        ))}
      </ol>
      <Button
        icon={<Add20Regular />}
        className={styles.addItem}
        onClick={() => setItems([...items, { id: newId(), title: '', guidance: '' }])}
      >
        Add item
      </Button>
      {form.formError ? <EmptyText>{form.formError}</EmptyText> : null}
    </section>
  );
}
