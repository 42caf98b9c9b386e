import type { ArgOf } from '../../shared/contract';
import { call, type WorkbookFixture } from './fixtures';

type AgreementDates = Pick<ArgOf<'createAgreement'>['fields'], 'startDate' | 'reviewDate'>;

/**
 * The Hosting SLA the journeys link decisions to and the review pack lists: one service, Hosting, with one
 * level, Availability ≥ 99.5 % (named 'Hosting SLA › Hosting › Availability ≥ 99.5 %' on screen).
 */
export function createHostingSla(
  workbook: WorkbookFixture,
  unitId: string,
  dates: AgreementDates = { startDate: null, reviewDate: null },
) {
  return call(workbook, 'createAgreement', {
    unitId,
    fields: {
      type: 'sla',
      title: 'Hosting SLA',
      services: [
        {
          id: 'service0001',
          name: 'Hosting',
          levels: [
            { id: 'level000001', metric: 'Availability', target: 99.5, unit: '%', direction: 'at-least' },
          ],
        },
      ],
      financing: { amount: null, currency: 'EUR', period: 'yearly', costCentre: '' },
      endDate: null,
      status: 'active',
      customerContactId: null,
      itSignatories: [],
      complaintDefinition: '',
      reference: '',
      ...dates,
    },
  });
}
