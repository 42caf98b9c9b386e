import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowSync20Regular, CloudArrowUp20Regular, PlugDisconnected20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { teamUrlSchema, type TeamConflict, type TeamStatus } from '../../shared/contract/team';
import { api } from '../platform/workbook-api';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';
import { ConflictInbox } from './conflict-inbox';
import { PHASE_LABELS, timeText } from './team-format';
import { useTeamStatus } from './use-team-status';

const useStyles = makeStyles({
  text: { color: tokens.colorNeutralForeground2, maxWidth: '72ch' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  fact: { margin: 0, overflowWrap: 'anywhere' },
});

export function TeamView() {
  const { status, set } = useTeamStatus();
  return (
    <Page label="Team">
      <PageHeader
        title="Team"
        subtitle="Share this workbook with your BRM team through the team's PostgreSQL database. You keep working offline; changes sync in the background."
      />
      {status === null ? (
        <Spinner size="small" label="Loading the team status" />
      ) : status.phase === 'off' ? (
        <ConnectSection onConnected={set} />
      ) : (
        <>
          <ConnectionSection status={status} onStatus={set} />
          <ConflictsSection status={status} onStatus={set} />
        </>
      )}
    </Page>
  );
}

function ConnectSection({ onConnected }: { onConnected: (status: TeamStatus) => void }) {
  const styles = useStyles();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [connecting, setConnecting] = useState(false);

  const connect = () => {
    const parsed = teamUrlSchema.safeParse(url);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Paste the postgres://… address you were given.');
      return;
    }
    setError(null);
    setConnecting(true);
    api
      .connectTeam({ url: parsed.data })
      .then(
        (status) => {
          // The password now lives with the main process only; the field forgets it.
          setUrl('');
          onConnected(status);
        },
        (e: unknown) => setError(messageOf(e)),
      )
      .finally(() => setConnecting(false));
  };

  return (
    <Section title="Connect to your team">
      <Text className={styles.text}>
        Paste the postgres://… address the person who runs the team database gave you. The password in it is
        kept by the app in your computer's keychain and is not shown again.
      </Text>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          connect();
        }}
      >
        <Field
          label="Team database address"
          required
          validationMessage={error ?? undefined}
          validationState={error ? 'error' : 'none'}
        >
          <Input
            type="password"
            value={url}
            placeholder="postgres://brm_name:password@db.example.org/brm"
            autoComplete="off"
            spellCheck={false}
            onChange={(_, data) => setUrl(data.value)}
          />
        </Field>
        <div className={styles.buttons}>
          <Button
            type="submit"
            appearance="primary"
            disabled={connecting}
            icon={connecting ? <Spinner size="tiny" /> : undefined}
          >
            Connect
          </Button>
        </div>
      </form>
    </Section>
  );
}

function ConnectionSection({
  status,
  onStatus,
}: {
  status: TeamStatus;
  onStatus: (status: TeamStatus) => void;
}) {
  const styles = useStyles();
  const { notify, notifyError } = useNotify();
  const [syncing, setSyncing] = useState(false);
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);
  const phase = status.phase === 'off' ? 'offline' : status.phase;

  const syncNow = () => {
    setSyncing(true);
    api
      .syncTeamNow({})
      .then(onStatus, notifyError)
      .finally(() => setSyncing(false));
  };
  const share = () => {
    // The call returns when all is sent; meanwhile the polled status carries the progress bar.
    api
      .shareWorkbook({})
      .then(
        ({ shared }) =>
          notify(
            shared === 1
              ? '1 record was shared with the team.'
              : `${shared} records were shared with the team.`,
          ),
        notifyError,
      );
    window.setTimeout(() => api.getTeamStatus({}).then(onStatus, () => undefined), 100);
  };

  return (
    <Section title="Connection">
      {status.message ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The team server cannot be used now</MessageBarTitle>
            {status.message} Your changes are kept on this computer and sent when the server can be reached.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <dl className={styles.facts} aria-label="Team connection">
        <Fact term="Status" value={PHASE_LABELS[phase]} />
        <Fact term="Server" value={status.url ?? '—'} />
        <Fact term="Team" value={status.teamId ?? '—'} />
        <Fact term="Login" value={status.role ?? '—'} />
        <Fact term="Connection" value={status.encrypted ? 'Encrypted (TLS)' : 'Not encrypted'} />
        <Fact term="Last sync" value={timeText(status.lastSyncAt)} />
        <Fact term="Waiting to be sent" value={String(status.outbox)} />
        <Fact term="Conflicts" value={String(status.conflicts)} />
      </dl>
      {status.share ? (
        <Field label={`Sharing this workbook: ${status.share.done} of ${status.share.total} records`}>
          <ProgressBar value={status.share.total ? status.share.done / status.share.total : 0} />
        </Field>
      ) : null}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={syncing || status.phase === 'syncing' ? <Spinner size="tiny" /> : <ArrowSync20Regular />}
          disabled={syncing}
          onClick={syncNow}
        >
          Sync now
        </Button>
        <Button icon={<CloudArrowUp20Regular />} disabled={status.share !== null} onClick={share}>
          Share this workbook
        </Button>
        <Button icon={<PlugDisconnected20Regular />} onClick={() => setConfirmDisconnect(true)}>
          Disconnect
        </Button>
      </div>
      <ConfirmDialog
        open={confirmDisconnect}
        title="Disconnect from the team?"
        confirmLabel="Disconnect"
        onClose={() => setConfirmDisconnect(false)}
        onConfirm={async () => {
          onStatus(await api.disconnectTeam({}));
        }}
      >
        Your workbook stays on this computer as it is. Changes not sent yet are kept for when you connect
        again.
      </ConfirmDialog>
    </Section>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.fact}>{value}</dd>
    </>
  );
}

function ConflictsSection({
  status,
  onStatus,
}: {
  status: TeamStatus;
  onStatus: (status: TeamStatus) => void;
}) {
  const [conflicts, setConflicts] = useState<TeamConflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Reload the list whenever the count changes: after a sync or a resolution.
  useEffect(() => {
    api.listTeamConflicts({}).then(setConflicts, (e: unknown) => setError(messageOf(e)));
  }, [status.conflicts, status.lastSyncAt]);
  return (
    <Section title="Conflict inbox">
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : conflicts === null ? (
        <Spinner size="small" label="Loading conflicts" />
      ) : (
        <ConflictInbox conflicts={conflicts} onResolved={onStatus} />
      )}
    </Section>
  );
}
