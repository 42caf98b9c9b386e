import {
  Badge,
  Button,
  Field,
  Link,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, MoreHorizontal20Regular, PersonAdd20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  childKindOf,
  type BusinessUnit,
  type Contact,
  type ContactRole,
} from '../../shared/domain/customers';
import { api } from '../platform/workbook-api';
import { useAppStore } from '../app/store';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';
import { ContactDialog } from './contact-dialog';
import { ContactsTable } from './contacts-table';
import { MoveUnitDialog } from './move-unit-dialog';
import { UNIT_KIND_LABELS, UnitDialog } from './unit-dialog';
import { UNIT_PAGE_CLOSING_SECTIONS, UNIT_PAGE_SECTIONS } from '../app/unit-page-sections';
import { DateInput } from '../ui/typed-date-input';

const useStyles = makeStyles({
  customer: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  customerName: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXL}`,
    color: tokens.colorNeutralForeground2,
  },
  twoCol: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  breadcrumb: { color: tokens.colorNeutralForeground3 },
});

type ContactEdit = { contact?: Contact; role?: ContactRole } | null;

export function UnitPage({ unit }: { unit: BusinessUnit }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { notify, notifyError } = useNotify();
  const { units, contacts } = useAppStore((s) => s.directory);
  const putUnit = useAppStore((s) => s.putUnit);
  const dropUnit = useAppStore((s) => s.dropUnit);
  const dropContact = useAppStore((s) => s.dropContact);
  const [editing, setEditing] = useState(false);
  const [addingChild, setAddingChild] = useState(false);
  const [moving, setMoving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [contactEdit, setContactEdit] = useState<ContactEdit>(null);
  const [contactToDelete, setContactToDelete] = useState<Contact | null>(null);

  const unitContacts = useMemo(() => contacts.filter((c) => c.unitId === unit.id), [contacts, unit.id]);
  const customer = unitContacts.find((c) => c.role === 'customer');
  const purchasers = unitContacts.filter((c) => c.role === 'purchaser');
  const others = unitContacts.filter((c) => c.role !== 'customer' && c.role !== 'purchaser');
  const path = useMemo(() => {
    const out: BusinessUnit[] = [];
    let current = units.find((u) => u.id === unit.parentId);
    while (current && out.length < 20) {
      out.unshift(current);
      current = units.find((u) => u.id === current?.parentId);
    }
    return out;
  }, [units, unit.parentId]);

  const setArchived = (archived: boolean) =>
    api
      .setUnitArchived({ id: unit.id, archived })
      .then((u) => {
        putUnit(u);
        notify(archived ? `${u.name} archived` : `${u.name} restored`);
      })
      .catch(notifyError);

  return (
    <Page label={unit.name}>
      <PageHeader
        title={unit.name}
        subtitle={
          <span className={styles.breadcrumb}>
            {UNIT_KIND_LABELS[unit.kind]}
            {path.length ? ` in ${path.map((p) => p.name).join(' › ')}` : ''}
            {unit.itContact ? ` · IT contact: ${unit.itContact}` : ''}
            {unit.archived ? ' · Archived' : ''}
          </span>
        }
        actions={
          <>
            <Button onClick={() => setEditing(true)}>Edit unit</Button>
            <Button icon={<Add20Regular />} onClick={() => setAddingChild(true)}>
              Add sub-unit
            </Button>
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button icon={<MoreHorizontal20Regular />} aria-label="More unit actions" />
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  <MenuItem onClick={() => setMoving(true)}>Move under another unit…</MenuItem>
                  <MenuItem onClick={() => void setArchived(!unit.archived)}>
                    {unit.archived ? 'Restore from archive' : 'Archive unit'}
                  </MenuItem>
                  <MenuItem onClick={() => setDeleting(true)}>Delete unit…</MenuItem>
                </MenuList>
              </MenuPopover>
            </Menu>
          </>
        }
      />

      <Section
        title="Customer"
        actions={
          customer ? (
            <Button onClick={() => setContactEdit({ contact: customer })}>Edit customer</Button>
          ) : (
            <Button
              appearance="primary"
              icon={<PersonAdd20Regular />}
              onClick={() => setContactEdit({ role: 'customer' })}
            >
              Add customer
            </Button>
          )
        }
      >
        {customer ? (
          <div className={styles.customer}>
            <div>
              <Text className={styles.customerName}>{customer.name}</Text>
              {customer.title ? <Text block>{customer.title}</Text> : null}
              <div className={styles.facts}>
                {customer.email ? <Link href={`mailto:${customer.email}`}>{customer.email}</Link> : null}
                {customer.phone ? <span>{customer.phone}</span> : null}
                <span>IT contact: {customer.itContact || 'not designated'}</span>
              </div>
              {customer.notes ? (
                <Text block style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
                  {customer.notes}
                </Text>
              ) : null}
            </div>
            <Badge appearance="tint" color="brand">
              Decides and finances
            </Badge>
          </div>
        ) : (
          <EmptyText>
            No customer recorded: who decides on and finances IT services for {unit.name}?
          </EmptyText>
        )}
      </Section>

      <Section
        title="Purchasers"
        actions={
          <Button icon={<PersonAdd20Regular />} onClick={() => setContactEdit({ role: 'purchaser' })}>
            Add purchaser
          </Button>
        }
      >
        {purchasers.length ? (
          <ContactsTable
            label="Purchasers"
            contacts={purchasers}
            onEdit={(c) => setContactEdit({ contact: c })}
            onDelete={setContactToDelete}
          />
        ) : (
          <EmptyText>No purchasers yet: line managers who order from existing services.</EmptyText>
        )}
      </Section>

      <Section
        title="Other contacts"
        actions={
          <Button icon={<PersonAdd20Regular />} onClick={() => setContactEdit({ role: 'key-user' })}>
            Add contact
          </Button>
        }
      >
        {others.length ? (
          <ContactsTable
            label="Other contacts"
            showRole
            contacts={others}
            onEdit={(c) => setContactEdit({ contact: c })}
            onDelete={setContactToDelete}
          />
        ) : (
          <EmptyText>No users, key users or IT stakeholders recorded.</EmptyText>
        )}
      </Section>

      {UNIT_PAGE_SECTIONS.map(({ key, Component }) => (
        <Component key={key} unit={unit} />
      ))}

      <PlansSection unit={unit} />
      {UNIT_PAGE_CLOSING_SECTIONS.map(({ key, Component }) => (
        <Component key={key} unit={unit} />
      ))}

      <UnitDialog open={editing} unit={unit} onClose={() => setEditing(false)} />
      <UnitDialog
        open={addingChild}
        parentId={unit.id}
        defaultKind={childKindOf(unit)}
        onClose={() => setAddingChild(false)}
        onSaved={(u) => navigate(`/units/${u.id}`)}
      />
      <MoveUnitDialog open={moving} unit={unit} onClose={() => setMoving(false)} />
      {contactEdit ? (
        <ContactDialog
          open
          unitId={unit.id}
          contact={contactEdit.contact}
          defaultRole={contactEdit.role}
          onClose={() => setContactEdit(null)}
        />
      ) : null}
      <ConfirmDialog
        open={deleting}
        title={`Delete ${unit.name}?`}
        confirmLabel="Delete unit"
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await api.deleteUnit({ id: unit.id });
          dropUnit(unit.id);
          notify(`Deleted ${unit.name}`);
          navigate(unit.parentId ? `/units/${unit.parentId}` : '/units');
        }}
      >
        {unitContacts.length
          ? `${unit.name} and its ${unitContacts.length} contact${unitContacts.length === 1 ? '' : 's'} will be removed. `
          : `${unit.name} will be removed. `}
        A unit with sub-units, meetings or register entries cannot be deleted; archive it instead.
      </ConfirmDialog>
      <ConfirmDialog
        open={contactToDelete !== null}
        title={`Delete ${contactToDelete?.name ?? 'contact'}?`}
        confirmLabel="Delete contact"
        onClose={() => setContactToDelete(null)}
        onConfirm={async () => {
          if (!contactToDelete) return;
          await api.deleteContact({ id: contactToDelete.id });
          dropContact(contactToDelete.id);
          notify(`Deleted ${contactToDelete.name}`);
        }}
      >
        The contact is removed from {unit.name}. Past minutes keep the name as it was recorded.
      </ConfirmDialog>
    </Page>
  );
}

/** The unit's plans and business drivers, with the date they were last reviewed with the customer. */
function PlansSection({ unit }: { unit: BusinessUnit }) {
  const styles = useStyles();
  const putUnit = useAppStore((s) => s.putUnit);
  const { notify } = useNotify();
  const [plans, setPlans] = useState(unit.plans);
  const [drivers, setDrivers] = useState(unit.drivers);
  const [reviewedOn, setReviewedOn] = useState(unit.plansReviewedOn ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setPlans(unit.plans);
    setDrivers(unit.drivers);
    setReviewedOn(unit.plansReviewedOn ?? '');
  }, [unit.id, unit.plans, unit.drivers, unit.plansReviewedOn]);
  const dirty =
    plans !== unit.plans || drivers !== unit.drivers || reviewedOn !== (unit.plansReviewedOn ?? '');

  const save = () => {
    const { name, kind, itContact } = unit;
    api
      .updateUnit({
        id: unit.id,
        fields: { name, kind, itContact, plans, drivers, plansReviewedOn: reviewedOn || null },
      })
      .then((u) => {
        putUnit(u);
        setError(null);
        notify('Plans and drivers saved');
      })
      .catch((e: unknown) => setError(messageOf(e)));
  };

  return (
    <Section
      title="Plans and business drivers"
      actions={
        <Button appearance="primary" disabled={!dirty} onClick={save}>
          Save plans
        </Button>
      }
    >
      <div className={styles.twoCol}>
        <Field label="Business plans">
          <Textarea value={plans} onChange={(_, d) => setPlans(d.value)} rows={5} resize="vertical" />
        </Field>
        <Field label="Business drivers">
          <Textarea value={drivers} onChange={(_, d) => setDrivers(d.value)} rows={5} resize="vertical" />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Last reviewed with the customer" validationMessage={error ?? undefined}>
          <DateInput value={reviewedOn} onChange={(value) => setReviewedOn(value)} />
        </Field>
      </div>
    </Section>
  );
}
