import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
} from '@fluentui/react-components';
import { Mail20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { DistributionKind } from '../../shared/domain/distribution';
import { lastDistribution, recipientsOf } from '../../shared/domain/distribution';
import type { Meeting } from '../../shared/domain/meetings';
import { useMenuCommand } from '../app/menu-commands';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { FormDialog } from '../ui/form-dialog';
import { offerDownload } from '../ui/offer-download';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';

const splitCc = (text: string) =>
  text
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);

/** "Sent to 5 people on 24 Nov 2026": what the meeting page says of the last mail written. */
function sentLine(meeting: Meeting): string | null {
  const last = lastDistribution(meeting, 'minutes') ?? lastDistribution(meeting, 'agenda');
  if (!last) return null;
  const people = last.to.length + last.cc.length;
  const what = last.kind === 'agenda' ? 'Agenda pre-read' : last.draft ? 'Draft minutes' : 'Minutes';
  return `${what} sent to ${people} ${people === 1 ? 'person' : 'people'} on ${new Date(last.at).toLocaleDateString()}`;
}

/**
 * "Send minutes…": writes a mail draft to every invitee with an address (absentees included), the Word
 * file attached, for the BRM's own mail program to send. Invitees without an address are listed first.
 */
export function SendMinutesButton({ meeting }: { meeting: Meeting }) {
  const contacts = useAppStore((s) => s.directory.contacts);
  const { notify } = useNotify();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<DistributionKind>(meeting.status === 'planned' ? 'agenda' : 'minutes');
  const [cc, setCc] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Meeting | null>(null);
  const { to, missing } = useMemo(() => recipientsOf(meeting, contacts), [meeting, contacts]);
  const line = sentLine(sent && sent.id === meeting.id ? sent : meeting);

  useMenuCommand('send-minutes', () => setOpen(true));

  const send = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await api.exportMinutesEmail({ meetingId: meeting.id, kind, cc: splitCc(cc) });
      if (saved.savedTo) {
        offerDownload(saved);
        const at = new Date().toISOString();
        const record = {
          at,
          kind,
          draft: kind === 'minutes' && meeting.status !== 'finalised',
          to: saved.to,
          cc: splitCc(cc),
        };
        setSent({ ...meeting, distributions: [...(meeting.distributions ?? []), record] });
        notify(
          saved.downloadUrl
            ? `Mail draft downloaded: open it in your mail program to send it.`
            : `Mail draft opened in your mail program (${saved.savedTo}).`,
        );
        setOpen(false);
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button icon={<Mail20Regular />} onClick={() => setOpen(true)}>
        Send minutes…
      </Button>
      {line ? <Caption1 aria-label="Distribution">{line}</Caption1> : null}
      <FormDialog
        open={open}
        title="Send the minutes"
        submitLabel="Write mail draft"
        saving={saving}
        formError={error}
        onSubmit={() => void send()}
        onClose={() => setOpen(false)}
      >
        <RadioGroup
          value={kind}
          onChange={(_, d) => setKind(d.value as DistributionKind)}
          aria-label="What to send"
        >
          <Radio
            value="minutes"
            label={meeting.status === 'finalised' ? 'The minutes' : 'The minutes (marked DRAFT)'}
          />
          <Radio value="agenda" label="The agenda pre-read" />
        </RadioGroup>
        <Field label={`To (${to.length})`}>
          <Text>
            {to.length
              ? to.map((r) => `${r.name} <${r.email}>`).join('; ')
              : 'No invitee has an e-mail address.'}
          </Text>
        </Field>
        {missing.length ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              No e-mail address on file for: {missing.join('; ')}. Add it on the unit page, or send it to them
              another way.
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <Field label="Cc" hint="Addresses separated by commas, e.g. the IT contact.">
          <Input value={cc} onChange={(_, d) => setCc(d.value)} />
        </Field>
      </FormDialog>
    </>
  );
}
