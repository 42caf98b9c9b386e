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
  Textarea,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { format } from 'date-fns';
import { useState } from 'react';
import { z } from 'zod';
import type { BusinessUnit } from '../../shared/domain/customers';
import { majorIncidentFieldsSchema, type MajorIncident } from '../../shared/domain/review-pack';
import { api } from '../platform/workbook-api';
import { formatDate } from '../ui/format';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FormDialog } from '../ui/form-dialog';
import { EmptyText, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';
import { FieldPair, MeetingLink, MeetingPicker, UserText, blankToNull } from './parts';
import type { MeetingOption } from './use-review-records';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';
import { DateInput } from '../ui/typed-date-input';

const incidentForm = z
  .strictObject({
    date: z.string(),
    service: z.string(),
    title: z.string(),
    impact: z.string(),
    discussedInMeetingId: z.string(),
  })
  .transform((v) => ({ ...v, discussedInMeetingId: blankToNull(v.discussedInMeetingId) }))
  .pipe(majorIncidentFieldsSchema);

/** Seed 004: significant issues in the period — the major incidents, and the review that discussed them. */
export function IncidentsTab(props: {
  unit: BusinessUnit;
  incidents: readonly MajorIncident[];
  meetings: readonly MeetingOption[];
  onChanged: () => void;
}) {
  const { notify } = useNotify();
  const [editing, setEditing] = useState<MajorIncident | 'new' | null>(null);
  const [deleting, setDeleting] = useState<MajorIncident | null>(null);
  const sorted = [...props.incidents].sort((a, b) => b.date.localeCompare(a.date));

  return (
    <Section
      title="Major incidents"
      actions={
        <Button appearance="primary" icon={<Add20Regular />} onClick={() => setEditing('new')}>
          Record major incident
        </Button>
      }
    >
      {sorted.length ? (
        <Table size="small" aria-label="Major incidents">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: 110 }}>Date</TableHeaderCell>
              <TableHeaderCell style={{ width: 160 }}>Service</TableHeaderCell>
              <TableHeaderCell>Incident and impact</TableHeaderCell>
              <TableHeaderCell style={{ width: 200 }}>Discussed in</TableHeaderCell>
              <TableHeaderCell style={{ width: 96 }}>
                <span className="visually-hidden">Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sorted.map((incident) => (
              <TableRow key={incident.id}>
                <TableCell>{formatDate(incident.date)}</TableCell>
                <TableCell>{incident.service}</TableCell>
                <TableCell>
                  <div style={{ padding: '6px 0' }}>
                    <strong>{incident.title}</strong>
                    {incident.impact ? (
                      <div>
                        <UserText>{incident.impact}</UserText>
                      </div>
                    ) : null}
                  </div>
                </TableCell>
                <TableCell>
                  <MeetingLink meetingId={incident.discussedInMeetingId} meetings={props.meetings} />
                </TableCell>
                <TableCell>
                  <EditDeleteButtons
                    name={incident.title}
                    onEdit={() => setEditing(incident)}
                    onDelete={() => setDeleting(incident)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <EmptyText>No major incidents recorded for {props.unit.name}.</EmptyText>
      )}
      {editing ? (
        <IncidentDialog
          unitId={props.unit.id}
          incident={editing === 'new' ? null : editing}
          meetings={props.meetings}
          onClose={() => setEditing(null)}
          onSaved={props.onChanged}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.title ?? 'incident'}?`}
        confirmLabel="Delete incident"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.deleteMajorIncident({ unitId: props.unit.id, id: deleting.id });
          notify(`Deleted ${deleting.title}`);
          props.onChanged();
        }}
      >
        The incident is removed from the review pack of {props.unit.name}.
      </ConfirmDialog>
    </Section>
  );
}

function IncidentDialog(props: {
  unitId: string;
  incident: MajorIncident | null;
  meetings: readonly MeetingOption[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { notify } = useNotify();
  const i = props.incident;
  const form = useForm(incidentForm, {
    date: i?.date ?? format(new Date(), 'yyyy-MM-dd'),
    service: i?.service ?? '',
    title: i?.title ?? '',
    impact: i?.impact ?? '',
    discussedInMeetingId: i?.discussedInMeetingId ?? '',
  });
  const v = form.values;
  const save = () =>
    void form
      .submit(async (fields) => {
        if (i) await api.updateMajorIncident({ unitId: props.unitId, id: i.id, fields });
        else await api.createMajorIncident({ unitId: props.unitId, fields });
        notify(i ? 'Incident saved' : 'Major incident recorded');
        props.onSaved();
      })
      .then((ok) => ok && props.onClose());

  return (
    <FormDialog
      open
      title={i ? 'Edit major incident' : 'Record major incident'}
      submitLabel={i ? 'Save' : 'Record incident'}
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      <FieldPair>
        <Field label="Date" required validationMessage={form.errors.date}>
          <DateInput value={v.date} onChange={(value) => form.set('date', value)} />
        </Field>
        <Field label="Service" required validationMessage={form.errors.service}>
          <Input value={v.service} onChange={(_, d) => form.set('service', d.value)} autoFocus />
        </Field>
      </FieldPair>
      <Field label="Incident" required hint="A short description" validationMessage={form.errors.title}>
        <Input value={v.title} onChange={(_, d) => form.set('title', d.value)} />
      </Field>
      <Field label="Impact on the business" validationMessage={form.errors.impact}>
        <Textarea value={v.impact} onChange={(_, d) => form.set('impact', d.value)} resize="vertical" />
      </Field>
      <MeetingPicker
        label="Discussed in"
        value={v.discussedInMeetingId}
        meetings={props.meetings}
        error={form.errors.discussedInMeetingId}
        onChange={(id) => form.set('discussedInMeetingId', id)}
      />
    </FormDialog>
  );
}
