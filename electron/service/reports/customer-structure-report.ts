/**
 * Seed 002's first output, "List of customers and purchasers": the customer structure as the IT
 * organisation should be able to read it — each unit's customer, purchasers and designated IT contact.
 */
import { CONTACT_ROLE_LABELS, type Contact, type Directory } from '../../../shared/domain/customers';
import { STYLES, dataTable, paragraph } from '../export/docx-kit';
import type { ReportFrame, ReportSpec } from './report-kit';

/** Units in tree order (parents first, siblings by name) with their depth; archived units left out. */
export function unitsInTreeOrder(directory: Directory) {
  const live = directory.units.filter((u) => !u.archived);
  const ids = new Set(live.map((u) => u.id));
  const out: { unit: (typeof live)[number]; path: string }[] = [];
  const visit = (parentId: string | null, path: string[]) => {
    for (const unit of live
      .filter((u) => (u.parentId && ids.has(u.parentId) ? u.parentId : null) === parentId)
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const here = [...path, unit.name];
      out.push({ unit, path: here.join(' › ') });
      if (here.length < 20) visit(unit.id, here);
    }
  };
  visit(null, []);
  return out;
}

const withTitle = (c: Contact) => (c.title ? `${c.name}\n${c.title}` : c.name);

/** Seed 003: key users and IT stakeholders are part of the structure the IT organisation must know. */
const PEOPLE_ROLES: readonly Contact['role'][] = ['key-user', 'it-stakeholder'];

export function customerStructureReport(directory: Directory, frame: ReportFrame): ReportSpec {
  const units = unitsInTreeOrder(directory);
  const inScope = new Set(units.map((u) => u.unit.id));
  const contacts = directory.contacts.filter((c) => inScope.has(c.unitId));
  const deciders = contacts.filter((c) => c.role === 'customer' || c.role === 'purchaser');
  const designated = deciders.filter((c) => c.itContact.trim() !== '').length;
  const pathOf = new Map(units.map((u) => [u.unit.id, u.path]));
  const byRole = (role: Contact['role']) => deciders.filter((c) => c.role === role).length;
  const others = contacts.filter((c) => PEOPLE_ROLES.includes(c.role));
  const byUnitThenName = (a: Contact, b: Contact) =>
    (pathOf.get(a.unitId) ?? '').localeCompare(pathOf.get(b.unitId) ?? '') ||
    a.role.localeCompare(b.role) ||
    a.name.localeCompare(b.name);

  /** One table of contacts (name, role, unit, how to reach them, IT contact), or a note when there are none. */
  const contactSection = (heading: string, people: readonly Contact[], none: string) => [
    paragraph(heading, { style: STYLES.heading1 }),
    people.length
      ? dataTable(
          frame.page,
          [
            { header: 'Name', share: 0.22 },
            { header: 'Role', share: 0.14 },
            { header: 'Business unit', share: 0.22 },
            { header: 'Email and phone', share: 0.22 },
            { header: 'Designated IT contact', share: 0.2 },
          ],
          [...people]
            .sort(byUnitThenName)
            .map((c) => [
              withTitle(c),
              CONTACT_ROLE_LABELS[c.role],
              pathOf.get(c.unitId) ?? '',
              [c.email, c.phone].filter(Boolean).join('\n'),
              c.itContact || 'Not designated',
            ]),
        )
      : paragraph(none, { style: STYLES.note }),
  ];
  return {
    title: 'Customer structure',
    subtitle: `Business units, their customers and purchasers, as of ${frame.dates.long(frame.today)}`,
    kind: 'Customer structure',
    children: [
      paragraph(
        `${units.length} business unit${units.length === 1 ? '' : 's'}, ${byRole('customer')} customer${byRole('customer') === 1 ? '' : 's'} and ${byRole('purchaser')} purchaser${byRole('purchaser') === 1 ? '' : 's'}. ${designated} of ${deciders.length} customers and purchasers have a designated contact in IT.`,
      ),
      paragraph('Business units', { style: STYLES.heading1 }),
      units.length
        ? dataTable(
            frame.page,
            [
              { header: 'Business unit', share: 0.28 },
              { header: 'Customer', share: 0.24 },
              { header: 'Purchasers', share: 0.28 },
              { header: 'Designated IT contact', share: 0.2 },
            ],
            units.map(({ unit, path }) => {
              const own = contacts.filter((c) => c.unitId === unit.id);
              const customer = own.find((c) => c.role === 'customer');
              return [
                path,
                customer ? withTitle(customer) : 'Not recorded',
                own
                  .filter((c) => c.role === 'purchaser')
                  .map((c) => c.name)
                  .join('\n'),
                unit.itContact || 'Not designated',
              ];
            }),
          )
        : paragraph('No business units are recorded yet.', { style: STYLES.note }),
      ...contactSection('Customers and purchasers', deciders, 'No customers or purchasers are recorded yet.'),
      ...contactSection(
        'Key users and IT stakeholders',
        others,
        'No key users or IT stakeholders are recorded yet.',
      ),
    ],
  };
}
