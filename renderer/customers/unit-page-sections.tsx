import type { ComponentType } from 'react';
import type { BusinessUnit } from '../../shared/domain/customers';
import { UnitRegistersSection } from '../registers/unit-registers-section';

/**
 * Sections other features show on a unit's page (its meetings, its open actions, its registers),
 * between the contacts and the plans. Each feature adds its own entry here.
 */
export const UNIT_PAGE_SECTIONS: ReadonlyArray<{
  key: string;
  Component: ComponentType<{ unit: BusinessUnit }>;
}> = [{ key: 'registers', Component: UnitRegistersSection }];
