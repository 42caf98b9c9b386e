import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUpload20Regular, History20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../shared/contract/backups';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';
import { RecoveryNotices } from './recovery-notices';
import { BACKUP_REASON_LABELS, backupAge, backupTime, sizeText } from './backup-format';

const useStyles = makeStyles({
  text: { color: tokens.colorNeutralForeground2, maxWidth: '72ch' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  folder: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  when: { fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  right: { display: 'flex', justifyContent: 'flex-end' },
});

/** After a restore or an import every view's data is stale: start the app afresh on the new data. */
const reloadApp = () => window.location.reload();

export function BackupsView() {
  return (
    <Page label="Backups">
      <PageHeader
        title="Backups"
        subtitle="BRM Workbook keeps snapshots of your workbook by itself: when it starts, and every few minutes while you work."
      />

      <RecoveryNotices />
      <ExportImportSection />
      <SnapshotsSection />
    </Page>
  );
}

/** The whole workbook as one file: exported to keep or move, imported to replace the current one. */
function ExportImportSection() {
  const styles = useStyles();
  const [importing, setImporting] = useState<{ name: string; content: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const { notify, notifyError } = useNotify();

  const exportWorkbook = () => {
    setExporting(true);
    api
      .exportWorkbook({})
      .then((result) => {
        if (result.downloadUrl) {
          const link = document.createElement('a');
          link.href = result.downloadUrl;
          link.download = '';
          link.click();
          notify('The workbook was exported.');
        } else if (result.savedTo) {
          notify(`The workbook was exported to ${result.savedTo}.`);
        }
      }, notifyError)
      .finally(() => setExporting(false));
  };

  const chooseImportFile = (file: File | undefined) => {
    if (!file) return;
    file.text().then(
      (content) => setImporting({ name: file.name, content }),
      () => notify(`${file.name} could not be read.`, 'error'),
    );
  };

  return (
    <>
      <Section title="Export and import">
        <Text className={styles.text}>
          Export the whole workbook as one file to keep a copy on another drive or to move it to another
          computer. Importing such a file replaces the current workbook; a safety backup of the current
          workbook is taken first.
        </Text>
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            icon={exporting ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
            disabled={exporting}
            onClick={exportWorkbook}
          >
            Export workbook
          </Button>
          <Button icon={<ArrowUpload20Regular />} onClick={() => fileInput.current?.click()}>
            Import workbook…
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            aria-label="Workbook file to import"
            hidden
            onChange={(event) => {
              chooseImportFile(event.target.files?.[0]);
              // Choosing the same file again must trigger a new import.
              event.target.value = '';
            }}
          />
        </div>
      </Section>

      <ConfirmDialog
        open={importing !== null}
        title="Replace the workbook with this file?"
        confirmLabel="Import"
        onClose={() => setImporting(null)}
        onConfirm={async () => {
          if (!importing) return;
          await api.importWorkbook({ content: importing.content });
          reloadApp();
        }}
      >
        {importing ? (
          <Text>
            Everything in the current workbook is replaced by <strong>{importing.name}</strong>. The current
            workbook is kept as a safety backup first.
          </Text>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

/** The snapshots the app took by itself, newest first, each of which can be restored. */
function SnapshotsSection() {
  const styles = useStyles();
  const dataDir = useAppStore((s) => s.status?.dataDir ?? '');
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const load = useCallback(() => {
    api.listBackups({}).then(setBackups, (error: unknown) => setLoadError(messageOf(error)));
  }, []);
  useEffect(load, [load]);

  return (
    <>
      <Section title="Snapshots">
        <Text className={styles.text}>
          All snapshots of the last day are kept, then one a day for a month and one a month for a year.
          Restoring one replaces the current workbook; the current state is kept as a safety backup, so a
          restore can be undone.
        </Text>
        {dataDir ? <Text className={styles.folder}>Kept in {joinPath(dataDir, 'backups')}</Text> : null}
        {loadError ? (
          <MessageBar intent="error">
            <MessageBarBody>{loadError}</MessageBarBody>
          </MessageBar>
        ) : backups === null ? (
          <Spinner size="small" label="Loading backups" />
        ) : backups.length === 0 ? (
          <EmptyText>
            No snapshots yet. The first is taken a few minutes after your first change, or when BRM Workbook
            next starts.
          </EmptyText>
        ) : (
          <SnapshotsTable backups={backups} onRestore={setRestoring} />
        )}
      </Section>

      <ConfirmDialog
        open={restoring !== null}
        title="Restore this backup?"
        confirmLabel="Restore"
        onClose={() => setRestoring(null)}
        onConfirm={async () => {
          if (!restoring) return;
          await api.restoreBackup({ stamp: restoring.stamp });
          reloadApp();
        }}
      >
        {restoring ? (
          <Text>
            The workbook is replaced by the backup of <strong>{backupTime(restoring)}</strong>. The workbook
            as it is now is kept as a safety backup, so you can go back to it.
          </Text>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

function SnapshotsTable(props: { backups: BackupInfo[]; onRestore: (backup: BackupInfo) => void }) {
  const styles = useStyles();
  return (
    <Table aria-label="Snapshots" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Taken</TableHeaderCell>
          <TableHeaderCell>Why</TableHeaderCell>
          <TableHeaderCell style={{ width: 160 }}>Size</TableHeaderCell>
          <TableHeaderCell style={{ width: 130 }}>
            <span className="visually-hidden">Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.backups.map((b) => (
          <TableRow key={b.stamp}>
            <TableCell>
              <div className={styles.when}>{backupTime(b)}</div>
              <div className={styles.sub}>{backupAge(b)}</div>
            </TableCell>
            <TableCell>{b.reason ? BACKUP_REASON_LABELS[b.reason] : 'Snapshot'}</TableCell>
            <TableCell>
              {b.files} {b.files === 1 ? 'file' : 'files'} · {sizeText(b.bytes)}
            </TableCell>
            <TableCell>
              <div className={styles.right}>
                <Button
                  icon={<History20Regular />}
                  aria-label={`Restore the backup of ${backupTime(b)}`}
                  onClick={() => props.onRestore(b)}
                >
                  Restore
                </Button>
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The data folder comes from the main process: keep its separator (Windows or POSIX). */
function joinPath(dir: string, name: string): string {
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir.replace(/[\\/]+$/, '')}${separator}${name}`;
}
