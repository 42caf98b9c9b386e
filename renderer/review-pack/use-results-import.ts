import { useState } from 'react';
import type { ColumnMapping, ImportField, ImportPlan } from '../../shared/csv/service-results-import';
import type { BusinessUnit } from '../../shared/domain/customers';
import { api } from '../platform/workbook-api';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';

/**
 * The state of one service-results import: the chosen file, the column mapping, and the service's plan for
 * them (asked again on every change, so the preview shows what the import would do). Nothing is stored
 * until `runImport`.
 */
export function useResultsImport(props: {
  unit: BusinessUnit;
  onClose: () => void;
  onImported: (firstMonth: string | null) => void;
}) {
  const { notify } = useNotify();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>({});
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const preview = async (text: string, chosen: Partial<ColumnMapping>) => {
    setBusy(true);
    try {
      setPlan(await api.previewServiceResultsImport({ unitId: props.unit.id, csv: text, mapping: chosen }));
      setError(null);
    } catch (e) {
      setPlan(null);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  // A new file starts from the columns the service recognises, not the last file's mapping.
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    setMapping({});
    await preview(text, {});
  };

  const remap = (field: ImportField, column: string) => {
    const next = { ...mapping, [field]: column === '' ? null : column };
    setMapping(next);
    if (file) void preview(file.text, next);
  };

  const runImport = async () => {
    if (!file || !plan) return;
    setBusy(true);
    try {
      const { imported, replaced } = await api.importServiceResults({
        unitId: props.unit.id,
        csv: file.text,
        mapping,
      });
      notify(
        `Imported ${imported} result${imported === 1 ? '' : 's'}${replaced ? ` (${replaced} replaced earlier values)` : ''}`,
      );
      props.onImported([...plan.rows.map((r) => r.month)].sort().at(-1) ?? null);
      props.onClose();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  // All rows or none: a file with any refused row is not importable.
  const importable = plan !== null && plan.errors.length === 0 && plan.rows.length > 0;
  return { file, plan, error, busy, importable, choose, remap, runImport };
}
