import { Badge, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Contact } from '../../shared/domain/customers';
import {
  RAG_LABELS,
  REQUIREMENT_STATUS_LABELS,
  isRequirementOpen,
  type RagStatus,
  type RequirementStatus,
} from '../../shared/domain/review-pack';
import { AppLink } from '../ui/app-link';
import type { MeetingOption } from './use-review-records';

const RAG_COLOURS = { green: 'success', amber: 'warning', red: 'danger' } as const;

export function RagBadge({ rag, size }: { rag: RagStatus; size?: 'small' | 'medium' }) {
  return (
    <Badge appearance="filled" color={RAG_COLOURS[rag]} size={size ?? 'medium'}>
      {RAG_LABELS[rag]}
    </Badge>
  );
}

export function RequirementStatusBadge({ status }: { status: RequirementStatus }) {
  const colour =
    status === 'delivered'
      ? 'success'
      : status === 'approved'
        ? 'brand'
        : isRequirementOpen(status)
          ? 'informative'
          : 'subtle';
  return (
    <Badge appearance="tint" color={colour}>
      {REQUIREMENT_STATUS_LABELS[status]}
    </Badge>
  );
}

/** A picker of the unit's meetings; '' is "not discussed yet". */
export function MeetingPicker(props: {
  label: string;
  value: string;
  meetings: readonly MeetingOption[];
  error?: string;
  onChange: (id: string) => void;
}) {
  return (
    <Field label={props.label} validationMessage={props.error}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">Not discussed yet</option>
        {props.meetings.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A picker of the unit's contacts; '' is "none". */
export function ContactPicker(props: {
  label: string;
  value: string;
  contacts: readonly Contact[];
  noneLabel: string;
  hint?: string;
  error?: string;
  onChange: (id: string) => void;
}) {
  return (
    <Field label={props.label} hint={props.hint} validationMessage={props.error}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">{props.noneLabel}</option>
        {props.contacts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {c.title ? ` (${c.title})` : ''}
          </option>
        ))}
      </Select>
    </Field>
  );
}

const useStyles = makeStyles({
  pair: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
});

/** Two fields side by side in a dialog. */
export function FieldPair({ children }: { children: ReactNode }) {
  return <div className={useStyles().pair}>{children}</div>;
}

export function Muted({ children }: { children: ReactNode }) {
  return <span className={useStyles().muted}>{children}</span>;
}

/** Text typed by the user, kept with its line breaks and never overflowing its cell. */
export function UserText({ children }: { children: ReactNode }) {
  return <span className={useStyles().wrap}>{children}</span>;
}

export const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value);

/** The meeting a record was discussed in, as a link to it; "not yet" while it has not been. */
export function MeetingLink(props: { meetingId: string | null; meetings: readonly MeetingOption[] }) {
  const meeting = props.meetings.find((m) => m.id === props.meetingId);
  return meeting ? (
    <AppLink to={`/meetings/${meeting.id}`}>{meeting.label}</AppLink>
  ) : (
    <Muted>Not discussed yet</Muted>
  );
}
