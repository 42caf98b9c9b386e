import { Button } from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUpload20Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { ContactsImportPreview } from '../../shared/domain/contacts-exchange';
import type { BusinessUnit } from '../../shared/domain/customers';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { offerDownload } from '../ui/offer-download';
import { EmptyText, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';
import { ImportPreviewDialog, defaultChoice, type RowChoice } from './import-preview-dialog';

interface PendingImport {
  fileName: string;
  text: string;
  preview: ContactsImportPreview;
}

/** On a unit's page: its contacts in from vCard or Outlook/Google CSV, and out as vCard 4.0. */
export function ContactsExchangeSection({ unit }: { unit: BusinessUnit }) {
  const { notify, notifyError } = useNotify();
  const loadDirectory = useAppStore((s) => s.loadDirectory);
  const fileInput = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [choices, setChoices] = useState<Record<number, RowChoice>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const chosen = async (file: File) => {
    try {
      const text = await file.text();
      const preview = await api.previewContactsImport({ unitId: unit.id, fileName: file.name, text });
      setChoices(Object.fromEntries(preview.rows.map((r) => [r.line, defaultChoice(r)])));
      setError(null);
      setPending({ fileName: file.name, text, preview });
    } catch (e) {
      notifyError(e);
    }
  };

  const runImport = async () => {
    if (!pending) return;
    setSaving(true);
    try {
      const result = await api.importContacts({
        unitId: unit.id,
        fileName: pending.fileName,
        text: pending.text,
        choices: pending.preview.rows
          .filter((r) => r.status !== 'invalid')
          .map((r) => ({ line: r.line, ...(choices[r.line] ?? defaultChoice(r)) })),
      });
      await loadDirectory();
      setPending(null);
      notify(
        `Contacts imported: ${result.added} added, ${result.merged} merged, ${result.skipped} left out.`,
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  const exportAll = async () => {
    try {
      const saved = await api.exportContacts({ unitId: unit.id });
      if (!saved.savedTo) return;
      offerDownload(saved);
      notify(`${saved.count} contacts saved to ${saved.savedTo}`);
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Section
      title="Contacts exchange"
      actions={
        <>
          <Button icon={<ArrowUpload20Regular />} onClick={() => fileInput.current?.click()}>
            Import contacts…
          </Button>
          <Button icon={<ArrowDownload20Regular />} onClick={() => void exportAll()}>
            Export contacts
          </Button>
        </>
      }
    >
      <EmptyText>
        vCard (.vcf, versions 3.0 and 4.0) and the CSV files Outlook and Google Contacts export.
      </EmptyText>
      <input
        ref={fileInput}
        type="file"
        accept=".vcf,.vcard,.csv,text/vcard,text/csv"
        aria-label="Contacts file"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void chosen(file);
        }}
      />
      {pending ? (
        <ImportPreviewDialog
          fileName={pending.fileName}
          preview={pending.preview}
          choices={choices}
          onChoice={(line, choice) => setChoices((c) => ({ ...c, [line]: choice }))}
          saving={saving}
          error={error}
          onImport={() => void runImport()}
          onClose={() => setPending(null)}
        />
      ) : null}
    </Section>
  );
}
