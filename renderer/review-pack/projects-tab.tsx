import {
  Button,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { format } from 'date-fns';
import { useState } from 'react';
import { z } from 'zod';
import type { BusinessUnit } from '../../shared/domain/customers';
import { daysBetween } from '../../shared/domain/register-rules';
import {
  PROJECT_STAGES,
  PROJECT_STAGE_LABELS,
  RAG_LABELS,
  RAG_STATUSES,
  projectFieldsSchema,
  ragEntrySchema,
  type Project,
} from '../../shared/domain/review-pack';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FormDialog } from '../ui/form-dialog';
import { formatDate } from '../ui/format';
import { EmptyText, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';
import { ContactPicker, FieldPair, Muted, RagBadge, UserText, blankToNull } from './parts';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';
import { DateInput } from '../ui/typed-date-input';
import { ChoiceSelect } from '../ui/choice-select';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  name: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    margin: 0,
  },
  spacer: { flex: 1 },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground2,
  },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const today = () => format(new Date(), 'yyyy-MM-dd');
const latestRag = (p: Project) => p.ragHistory.at(-1) ?? null;

/** Seed 002 "Review ongoing projects": are the unit's projects progressing according to plan? */
export function ProjectsTab(props: {
  unit: BusinessUnit;
  projects: readonly Project[];
  onChanged: () => void;
}) {
  const styles = useStyles();
  const { notify } = useNotify();
  const contacts = useAppStore((s) => s.directory.contacts);
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const [assessing, setAssessing] = useState<Project | null>(null);
  const [deleting, setDeleting] = useState<Project | null>(null);
  const contactName = (id: string | null) => contacts.find((c) => c.id === id)?.name ?? '';
  // Open projects first (red before amber before green), closed ones last.
  const rank = (p: Project) =>
    (p.stage === 'closed' ? 10 : 0) +
    RAG_STATUSES.length -
    RAG_STATUSES.indexOf(latestRag(p)?.rag ?? 'green');
  const sorted = [...props.projects].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));

  return (
    <Section
      title="Ongoing projects"
      actions={
        <Button appearance="primary" icon={<Add20Regular />} onClick={() => setEditing('new')}>
          Add project
        </Button>
      }
    >
      {sorted.length ? (
        <div className={styles.list}>
          {sorted.map((p) => {
            const rag = latestRag(p);
            const slip = p.plannedEnd && p.forecastEnd ? daysBetween(p.plannedEnd, p.forecastEnd) : 0;
            return (
              <article key={p.id} className={styles.card} aria-label={`Project ${p.name}`}>
                <div className={styles.head}>
                  <h3 className={styles.name}>{p.name}</h3>
                  {rag ? <RagBadge rag={rag.rag} /> : null}
                  {rag ? <Muted>since {formatDate(rag.date)}</Muted> : null}
                  <span className={styles.spacer} />
                  <Button onClick={() => setAssessing(p)}>Update RAG</Button>
                  <EditDeleteButtons
                    name={p.name}
                    onEdit={() => setEditing(p)}
                    onDelete={() => setDeleting(p)}
                  />
                </div>
                <div className={styles.facts}>
                  <span>{PROJECT_STAGE_LABELS[p.stage]}</span>
                  <span>Sponsor: {contactName(p.sponsorContactId) || 'not recorded'}</span>
                  {p.startedOn ? <span>Started {formatDate(p.startedOn)}</span> : null}
                  <span>Planned end {p.plannedEnd ?? '—'}</span>
                  <span>
                    Forecast end {p.forecastEnd ?? '—'}
                    {slip > 0 ? <span className={styles.late}> ({slip} days late)</span> : null}
                  </span>
                </div>
                {p.description ? (
                  <Text>
                    <UserText>{p.description}</UserText>
                  </Text>
                ) : null}
                <Table size="extra-small" aria-label={`RAG history of ${p.name}`}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell style={{ width: 110 }}>Date</TableHeaderCell>
                      <TableHeaderCell style={{ width: 90 }}>RAG</TableHeaderCell>
                      <TableHeaderCell>Comment</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {[...p.ragHistory].reverse().map((entry) => (
                      <TableRow key={entry.id}>
                        <TableCell>{formatDate(entry.date)}</TableCell>
                        <TableCell>
                          <RagBadge rag={entry.rag} size="small" />
                        </TableCell>
                        <TableCell>
                          <UserText>{entry.comment}</UserText>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </article>
            );
          })}
        </div>
      ) : (
        <EmptyText>No ongoing projects recorded for {props.unit.name}.</EmptyText>
      )}
      {editing ? (
        <ProjectDialog
          unit={props.unit}
          project={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={props.onChanged}
        />
      ) : null}
      {assessing ? (
        <RagDialog
          unitId={props.unit.id}
          project={assessing}
          onClose={() => setAssessing(null)}
          onSaved={props.onChanged}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? 'project'}?`}
        confirmLabel="Delete project"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.deleteProject({ unitId: props.unit.id, id: deleting.id });
          notify(`Deleted ${deleting.name}`);
          props.onChanged();
        }}
      >
        The project and its RAG history are removed. To keep the record, set its stage to Closed instead.
      </ConfirmDialog>
    </Section>
  );
}

const projectForm = z
  .strictObject({
    name: z.string(),
    sponsorContactId: z.string(),
    stage: z.enum(PROJECT_STAGES),
    startedOn: z.string(),
    plannedEnd: z.string(),
    forecastEnd: z.string(),
    description: z.string(),
  })
  .transform((v) => ({
    ...v,
    sponsorContactId: blankToNull(v.sponsorContactId),
    startedOn: blankToNull(v.startedOn),
    plannedEnd: blankToNull(v.plannedEnd),
    forecastEnd: blankToNull(v.forecastEnd),
  }))
  .pipe(projectFieldsSchema);

const ragForm = ragEntrySchema.omit({ id: true });

function ProjectDialog(props: {
  unit: BusinessUnit;
  project: Project | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { notify } = useNotify();
  const allContacts = useAppStore((s) => s.directory.contacts);
  const contacts = allContacts.filter((c) => c.unitId === props.unit.id);
  const p = props.project;
  const form = useForm(projectForm, {
    name: p?.name ?? '',
    sponsorContactId: p?.sponsorContactId ?? contacts.find((c) => c.role === 'customer')?.id ?? '',
    stage: p?.stage ?? 'initiation',
    startedOn: p?.startedOn ?? '',
    plannedEnd: p?.plannedEnd ?? '',
    forecastEnd: p?.forecastEnd ?? '',
    description: p?.description ?? '',
  });
  const rag = useForm(ragForm, { date: today(), rag: 'green', comment: '' });
  const v = form.values;

  const save = async () => {
    // A new project starts with a RAG status and its reason: that part is checked first.
    const first: { entry?: z.output<typeof ragForm> } = {};
    if (!p && !(await rag.submit(async (entry) => void (first.entry = entry)))) return;
    const ok = await form.submit(async (fields) => {
      if (p) await api.updateProject({ unitId: props.unit.id, id: p.id, fields });
      else if (first.entry) await api.createProject({ unitId: props.unit.id, fields, rag: first.entry });
      notify(p ? `Saved ${fields.name}` : `Added ${fields.name}`);
      props.onSaved();
    });
    if (ok) props.onClose();
  };

  return (
    <FormDialog
      open
      title={p ? `Edit ${p.name}` : 'New project'}
      submitLabel={p ? 'Save' : 'Add project'}
      saving={form.saving}
      formError={form.formError ?? rag.formError}
      onSubmit={() => void save()}
      onClose={props.onClose}
    >
      <Field label="Project name" required validationMessage={form.errors.name}>
        <Input value={v.name} onChange={(_, d) => form.set('name', d.value)} autoFocus />
      </Field>
      <FieldPair>
        <ContactPicker
          label="Sponsor"
          value={v.sponsorContactId}
          contacts={contacts}
          noneLabel="Not recorded"
          error={form.errors.sponsorContactId}
          onChange={(id) => form.set('sponsorContactId', id)}
        />
        <Field label="Stage" validationMessage={form.errors.stage}>
          <ChoiceSelect
            value={v.stage}
            choices={PROJECT_STAGES}
            labels={PROJECT_STAGE_LABELS}
            onChange={(value) => form.set('stage', value)}
          />
        </Field>
      </FieldPair>
      <FieldPair>
        <Field label="Started on" validationMessage={form.errors.startedOn}>
          <DateInput value={v.startedOn} onChange={(value) => form.set('startedOn', value)} />
        </Field>
        <Field label="Planned end" validationMessage={form.errors.plannedEnd}>
          <DateInput value={v.plannedEnd} onChange={(value) => form.set('plannedEnd', value)} />
        </Field>
      </FieldPair>
      <FieldPair>
        <Field label="Forecast end" validationMessage={form.errors.forecastEnd}>
          <DateInput value={v.forecastEnd} onChange={(value) => form.set('forecastEnd', value)} />
        </Field>
        <span />
      </FieldPair>
      <Field label="Description" validationMessage={form.errors.description}>
        <Textarea
          value={v.description}
          onChange={(_, d) => form.set('description', d.value)}
          resize="vertical"
        />
      </Field>
      {p ? null : <RagFields form={rag} />}
    </FormDialog>
  );
}

function RagFields({ form }: { form: ReturnType<typeof useForm<typeof ragForm>> }) {
  const v = form.values;
  return (
    <>
      <FieldPair>
        <Field label="RAG status" validationMessage={form.errors.rag}>
          <ChoiceSelect
            value={v.rag}
            choices={RAG_STATUSES}
            labels={RAG_LABELS}
            onChange={(value) => form.set('rag', value)}
          />
        </Field>
        <Field label="As of" validationMessage={form.errors.date}>
          <DateInput value={v.date} onChange={(value) => form.set('date', value)} />
        </Field>
      </FieldPair>
      <Field label="Why this status" required validationMessage={form.errors.comment}>
        <Textarea value={v.comment} onChange={(_, d) => form.set('comment', d.value)} resize="vertical" />
      </Field>
    </>
  );
}

function RagDialog(props: { unitId: string; project: Project; onClose: () => void; onSaved: () => void }) {
  const { notify } = useNotify();
  const current = latestRag(props.project);
  const form = useForm(ragForm, { date: today(), rag: current?.rag ?? 'green', comment: '' });
  const save = () =>
    void form
      .submit(async (entry) => {
        await api.recordProjectRag({ unitId: props.unitId, id: props.project.id, ...entry });
        notify(`${props.project.name}: ${RAG_LABELS[entry.rag]}`);
        props.onSaved();
      })
      .then((ok) => ok && props.onClose());
  return (
    <FormDialog
      open
      title={`Update RAG of ${props.project.name}`}
      submitLabel="Record RAG"
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      {current ? (
        <Text>
          Now <RagBadge rag={current.rag} size="small" /> since {formatDate(current.date)}: {current.comment}
        </Text>
      ) : null}
      <RagFields form={form} />
    </FormDialog>
  );
}
