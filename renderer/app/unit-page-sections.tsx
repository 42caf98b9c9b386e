import type { ComponentType } from 'react';
import type { BusinessUnit } from '../../shared/domain/customers';
import { UnitActionsSection } from '../actions/unit-actions-section';
import { ContactsExchangeSection } from '../contacts-exchange/contacts-exchange-section';
import { ActionsCalendarSection } from '../distribution/actions-calendar-section';
import { StakeholderMap } from '../engagement/stakeholder-map';
import { MaturitySection } from '../maturity/maturity-section';
import { UnitMeetingsSection } from '../meetings/unit-meetings-section';
import { UnitRegistersSection } from '../registers/unit-registers-section';
import { UnitReviewSection } from '../review-pack/unit-review-section';

type UnitPageSection = { key: string; Component: ComponentType<{ unit: BusinessUnit }> };

/**
 * Sections other features show on a unit's page (its meetings, its open actions, its registers),
 * between the contacts and the plans. Each feature adds its own entry here: features do not import
 * each other, they meet in app/.
 */
export const UNIT_PAGE_SECTIONS: readonly UnitPageSection[] = [
  { key: 'stakeholder-map', Component: StakeholderMap },
  { key: 'meetings', Component: UnitMeetingsSection },
  { key: 'open-actions', Component: UnitActionsSection },
  { key: 'registers', Component: UnitRegistersSection },
  { key: 'review-pack', Component: UnitReviewSection },
  { key: 'contacts-exchange', Component: ContactsExchangeSection },
  { key: 'actions-calendar', Component: ActionsCalendarSection },
];

/** Sections shown after the unit's plans and drivers. */
export const UNIT_PAGE_CLOSING_SECTIONS: readonly UnitPageSection[] = [
  { key: 'maturity', Component: MaturitySection },
];
