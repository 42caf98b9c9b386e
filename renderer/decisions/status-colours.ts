import type { DecisionStatus } from '../../shared/domain/decisions';

/** In force reads as good news, superseded as a caution, reversed as a warning. */
export const STATUS_COLOURS: Record<DecisionStatus, 'success' | 'warning' | 'danger'> = {
  'in-force': 'success',
  superseded: 'warning',
  reversed: 'danger',
};
