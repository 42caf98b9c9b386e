import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  Spinner,
  Switch,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, ArrowDownload20Regular } from '@fluentui/react-icons';
import { format } from 'date-fns';
import { useCallback, useEffect, useState } from 'react';
import { watchNoteFieldsSchema, type WatchNote } from '../../shared/domain/review-pack';
import { api } from '../platform/workbook-api';
import { UnitFilter, unitOptionLabel, useUnitName, useUnitOptions, useUnitScope } from '../ui/unit-filter';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FormDialog } from '../ui/form-dialog';
import { formatDate } from '../ui/format';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { messageOf, useForm } from '../ui/use-form';
import { FieldPair, Muted, UserText } from './parts';
import { useSavedFileNotice } from './use-save-file';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';
import { DateInput } from '../ui/typed-date-input';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  note: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: 600, overflowWrap: 'anywhere' },
  spacer: { flex: 1 },
  tags: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  units: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '200px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXS,
  },
});

/**
 * Seed 002 "Business intelligence": new services and technology that could make a unit more
 * efficient, noted as they come up and tagged to the units to bring them to.
 */
export function WatchView() {
  const styles = useStyles();
  const { notify, notifyError } = useNotify();
  const savedNotice = useSavedFileNotice();
  const unitName = useUnitName();
  const [unitId, setUnitId] = useUnitScope();
  const [showArchived, setShowArchived] = useState(false);
  const [notes, setNotes] = useState<WatchNote[] | null>(null);
  const [editing, setEditing] = useState<WatchNote | 'new' | null>(null);
  const [deleting, setDeleting] = useState<WatchNote | null>(null);
  const reload = useCallback(
    () =>
      api
        .listWatchNotes({})
        .then(setNotes)
        .catch((e: unknown) => notify(messageOf(e), 'error')),
    [notify],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const shown = (notes ?? [])
    .filter((n) => (showArchived || !n.archived) && (!unitId || n.unitIds.includes(unitId)))
    .sort((a, b) => b.notedOn.localeCompare(a.notedOn));

  return (
    <Page label="Technology watch">
      <PageHeader
        title="Technology watch"
        subtitle="New services and technology that could make a unit more efficient, to bring to its meetings"
        actions={
          <>
            <Button
              icon={<ArrowDownload20Regular />}
              onClick={() =>
                api
                  .exportRegisterCsv({ register: 'technology-watch', unitId })
                  .then((saved) => savedNotice(saved, 'Technology watch'))
                  .catch(notifyError)
              }
            >
              Export (CSV)
            </Button>
            <Button appearance="primary" icon={<Add20Regular />} onClick={() => setEditing('new')}>
              Add note
            </Button>
          </>
        }
      />
      <Section title="Notes">
        <div className={styles.toolbar}>
          <UnitFilter unitId={unitId} onChange={setUnitId} />
          <Switch
            label="Show archived"
            checked={showArchived}
            onChange={(_, d) => setShowArchived(d.checked)}
          />
        </div>
        {notes === null ? (
          <Spinner label="Loading…" />
        ) : shown.length ? (
          <div className={styles.list}>
            {shown.map((n) => (
              <article key={n.id} className={styles.note} aria-label={`Note ${n.title}`}>
                <div className={styles.head}>
                  <h3 className={styles.title}>{n.title}</h3>
                  {n.archived ? <Badge appearance="outline">Archived</Badge> : null}
                  <Muted>{formatDate(n.notedOn)}</Muted>
                  <span className={styles.spacer} />
                  <EditDeleteButtons
                    name={n.title}
                    onEdit={() => setEditing(n)}
                    onDelete={() => setDeleting(n)}
                  />
                </div>
                {n.note ? (
                  <Text>
                    <UserText>{n.note}</UserText>
                  </Text>
                ) : null}
                {n.link ? (
                  <Link href={n.link} target="_blank" rel="noreferrer">
                    {n.link}
                  </Link>
                ) : null}
                <div className={styles.tags}>
                  {n.unitIds.length ? (
                    n.unitIds.map((id) => (
                      <Badge key={id} appearance="tint" color="brand">
                        {unitName(id)}
                      </Badge>
                    ))
                  ) : (
                    <Muted>Not tagged to a unit yet</Muted>
                  )}
                </div>
              </article>
            ))}
          </div>
        ) : (
          <EmptyText>
            {notes.length
              ? 'No notes match the filter.'
              : 'No notes yet: note what could help a unit as you come across it.'}
          </EmptyText>
        )}
      </Section>
      {editing ? (
        <WatchNoteDialog
          note={editing === 'new' ? null : editing}
          defaultUnitId={unitId}
          onClose={() => setEditing(null)}
          onSaved={() => void reload()}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.title ?? 'note'}?`}
        confirmLabel="Delete note"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.deleteWatchNote({ id: deleting.id });
          notify(`Deleted ${deleting.title}`);
          await reload();
        }}
      >
        To keep it on record but out of the review packs, archive it instead.
      </ConfirmDialog>
    </Page>
  );
}

function WatchNoteDialog(props: {
  note: WatchNote | null;
  defaultUnitId: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const { notify } = useNotify();
  const options = useUnitOptions();
  const n = props.note;
  const form = useForm(watchNoteFieldsSchema, {
    title: n?.title ?? '',
    note: n?.note ?? '',
    link: n?.link ?? '',
    notedOn: n?.notedOn ?? format(new Date(), 'yyyy-MM-dd'),
    unitIds: n?.unitIds ?? (props.defaultUnitId ? [props.defaultUnitId] : []),
    archived: n?.archived ?? false,
  });
  const v = form.values;
  const toggle = (id: string, on: boolean) =>
    form.set('unitIds', on ? [...v.unitIds, id] : v.unitIds.filter((u) => u !== id));
  const save = () =>
    void form
      .submit(async (fields) => {
        if (n) await api.updateWatchNote({ id: n.id, fields });
        else await api.createWatchNote({ fields });
        notify(n ? `Saved ${fields.title}` : `Added ${fields.title}`);
        props.onSaved();
      })
      .then((ok) => ok && props.onClose());

  return (
    <FormDialog
      open
      title={n ? `Edit ${n.title}` : 'New technology-watch note'}
      submitLabel={n ? 'Save' : 'Add note'}
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      <FieldPair>
        <Field label="Title" required validationMessage={form.errors.title}>
          <Input value={v.title} onChange={(_, d) => form.set('title', d.value)} autoFocus />
        </Field>
        <Field label="Noted on" required validationMessage={form.errors.notedOn}>
          <DateInput value={v.notedOn} onChange={(value) => form.set('notedOn', value)} />
        </Field>
      </FieldPair>
      <Field label="What it could do for the business" validationMessage={form.errors.note}>
        <Textarea value={v.note} onChange={(_, d) => form.set('note', d.value)} resize="vertical" />
      </Field>
      <Field label="Link" hint="https://…" validationMessage={form.errors.link}>
        <Input type="url" value={v.link} onChange={(_, d) => form.set('link', d.value)} />
      </Field>
      <Field label="Business units" validationMessage={form.errors.unitIds}>
        <div className={styles.units} role="group" aria-label="Business units">
          {options.map((o) => (
            <Checkbox
              key={o.unit.id}
              label={unitOptionLabel(o)}
              checked={v.unitIds.includes(o.unit.id)}
              onChange={(_, d) => toggle(o.unit.id, d.checked === true)}
            />
          ))}
        </div>
      </Field>
      {n ? (
        <Switch
          label="Archived: brought to the meetings, no longer in the review packs"
          checked={v.archived}
          onChange={(_, d) => form.set('archived', d.checked)}
        />
      ) : null}
    </FormDialog>
  );
}
