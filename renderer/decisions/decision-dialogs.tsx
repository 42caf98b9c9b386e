import { Field, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import {
  DECISION_STATUSES,
  DECISION_STATUS_LABELS,
  DECISION_TARGET_KINDS,
  DECISION_TARGET_LABELS,
  type DecisionRow,
  type DecisionStatus,
  type DecisionTargetKind,
} from '../../shared/domain/decisions';
import { api } from '../platform/workbook-api';
import { formatDate } from '../ui/format';
import { FormDialog } from '../ui/form-dialog';
import { messageOf } from '../ui/use-form';
import { useLinkTargets } from './use-link-targets';
import { ChoiceSelect } from '../ui/choice-select';

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Records what a decision changed: one record of its unit, chosen by kind. */
export function LinkDecisionDialog(props: {
  decision: DecisionRow | null;
  onClose: () => void;
  onSaved: (row: DecisionRow) => void;
}) {
  const { data: targets } = useLinkTargets(props.decision?.unitId ?? null);
  const [kind, setKind] = useState<DecisionTargetKind>('agreement');
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setKind('agreement');
    setId('');
    setError(null);
  }, [props.decision?.id]);
  const options = targets?.[kind] ?? [];

  const save = () => {
    if (!props.decision) return;
    if (!id) {
      setError(`Choose the ${DECISION_TARGET_LABELS[kind].toLowerCase()} the decision changed.`);
      return;
    }
    setSaving(true);
    api
      .linkDecision({ decisionId: props.decision.id, target: { kind, id } })
      .then((row) => {
        props.onSaved(row);
        props.onClose();
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setSaving(false));
  };

  return (
    <FormDialog
      open={props.decision !== null}
      title="Link the decision to what it changed"
      submitLabel="Link"
      saving={saving}
      formError={error}
      onSubmit={save}
      onClose={props.onClose}
    >
      <Field label="Decision">{clip(props.decision?.text ?? '', 200)}</Field>
      <Field label="It changed">
        <Select
          value={kind}
          onChange={(_, d) => {
            setKind(d.value as DecisionTargetKind);
            setId('');
          }}
        >
          {DECISION_TARGET_KINDS.map((k) => (
            <option key={k} value={k}>
              {DECISION_TARGET_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={DECISION_TARGET_LABELS[kind]}
        hint={options.length ? undefined : 'This unit has none yet.'}
      >
        <Select value={id} onChange={(_, d) => setId(d.value)}>
          <option value="" disabled>
            Choose…
          </option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {clip(o.label)}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}

/** In force, reversed, or superseded by another decision of the same unit. */
export function DecisionStatusDialog(props: {
  decision: DecisionRow | null;
  /** The register's rows, to choose the superseding decision from. */
  candidates: readonly DecisionRow[];
  onClose: () => void;
  onSaved: (row: DecisionRow) => void;
}) {
  const [status, setStatus] = useState<DecisionStatus>('in-force');
  const [by, setBy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const decision = props.decision;
  useEffect(() => {
    setStatus(decision?.status ?? 'in-force');
    setBy(decision?.supersededBy?.id ?? '');
    setError(null);
  }, [decision]);
  const others = props.candidates.filter(
    (c) => decision && c.unitId === decision.unitId && c.id !== decision.id,
  );

  const save = () => {
    if (!decision) return;
    setSaving(true);
    api
      .setDecisionStatus({
        decisionId: decision.id,
        status,
        supersededById: status === 'superseded' ? by || null : null,
      })
      .then((row) => {
        props.onSaved(row);
        props.onClose();
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setSaving(false));
  };

  return (
    <FormDialog
      open={decision !== null}
      title="Status of the decision"
      submitLabel="Save"
      saving={saving}
      formError={error}
      onSubmit={save}
      onClose={props.onClose}
    >
      <Field label="Decision">{clip(decision?.text ?? '', 200)}</Field>
      <Field label="Status">
        <ChoiceSelect
          value={status}
          choices={DECISION_STATUSES}
          labels={DECISION_STATUS_LABELS}
          onChange={(value) => setStatus(value)}
        />
      </Field>
      {status === 'superseded' ? (
        <Field label="Superseded by" required>
          <Select value={by} onChange={(_, d) => setBy(d.value)}>
            <option value="" disabled>
              Choose the later decision…
            </option>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {formatDate(c.meetingDate)}: {clip(c.text)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
    </FormDialog>
  );
}
