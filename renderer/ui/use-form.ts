import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { WorkbookError, fieldErrorsOf } from '../../shared/contract/define';

/**
 * Form state with the same schema the main process validates with: inline messages appear before a
 * save is attempted, and a refused save (a rule only the store can check, a disk error) maps its
 * messages back onto the fields. The values are never cleared by a failure.
 */
export function useForm<S extends z.ZodType<object>>(schema: S, initial: z.input<S>) {
  const [values, setValues] = useState<z.input<S>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = useCallback(<K extends keyof z.input<S>>(key: K, value: z.input<S>[K]) => {
    setValues((v) => ({ ...(v as object), [key]: value }) as z.input<S>);
    setErrors((e) => {
      if (!(String(key) in e)) return e;
      const next = { ...e };
      delete next[String(key)];
      return next;
    });
  }, []);

  const submit = useCallback(
    async (save: (parsed: z.output<S>) => Promise<void>): Promise<boolean> => {
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        setErrors(fieldErrorsOf(parsed.error));
        setFormError('Please correct the highlighted fields.');
        return false;
      }
      setSaving(true);
      try {
        await save(parsed.data);
        setErrors({});
        setFormError(null);
        return true;
      } catch (error) {
        setFormError(messageOf(error));
        if (error instanceof WorkbookError && error.fieldErrors) setErrors(stripPrefix(error.fieldErrors));
        return false;
      } finally {
        setSaving(false);
      }
    },
    [schema, values],
  );

  const reset = useCallback((next: z.input<S>) => {
    setValues(next);
    setErrors({});
    setFormError(null);
  }, []);

  return { values, set, errors, formError, saving, submit, reset };
}

/** Server field paths look like `fields.email`; forms know only `email`. */
function stripPrefix(fieldErrors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrors)) out[key.replace(/^fields\./, '')] = message;
  return out;
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Nothing was changed.';
}
