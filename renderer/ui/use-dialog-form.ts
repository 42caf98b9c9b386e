import { useEffect, useEffectEvent } from 'react';
import type { z } from 'zod';
import { useForm } from './use-form';

/**
 * The form of a dialog that stays mounted while it is closed: each time it opens, the form starts from the
 * record as it is now (`initial()`), not from the last attempt a cancelled edit left behind. `onOpen` resets
 * what the dialog keeps beside the form (the chosen unit, a list typed as text) from the same starting values.
 * Both are read when the dialog opens, so callers pass plain inline functions.
 */
export function useDialogForm<S extends z.ZodType<object>>(
  schema: S,
  open: boolean,
  initial: () => z.input<S>,
  onOpen?: (start: z.input<S>) => void,
) {
  const form = useForm(schema, initial());
  const { reset } = form;
  const start = useEffectEvent(() => {
    const values = initial();
    reset(values);
    onOpen?.(values);
  });
  useEffect(() => {
    if (open) start();
  }, [open]);
  return form;
}
