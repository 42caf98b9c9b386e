import type { ComponentType } from 'react';
import type { BusinessUnit } from '../../shared/domain/customers';
import { UnitActionsSection } from '../actions/unit-actions-section';
import { StakeholderMap } from '../engagement/stakeholder-map';
import { UnitMeetingsSection } from '../meetings/unit-meetings-section';
import { UnitRegistersSection } from '../registers/unit-registers-section';
import { UnitReviewSection } from '../review-pack/unit-review-section';

/**
 * Sections other features show on a unit's page (its meetings, its open actions, its registers),
 * between the contacts and the plans. Each feature adds its own entry here.
 */
export const UNIT_PAGE_SECTIONS: ReadonlyArray<{
  key: string;
  Component: ComponentType<{ unit: BusinessUnit }>;
}> = [
  { key: 'stakeholder-map', Component: StakeholderMap },
  { key: 'meetings', Component: UnitMeetingsSection },
  { key: 'open-actions', Component: UnitActionsSection },
  { key: 'registers', Component: UnitRegistersSection },
  { key: 'review-pack', Component: UnitReviewSection },
];
