import { Badge, Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PersonAdd20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { BusinessUnit, Contact, ContactRole } from '../../shared/domain/customers';
import { api } from '../platform/workbook-api';
import { useAppStore } from '../app/store';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyText, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { ContactDialog } from './contact-dialog';
import { ContactsTable } from './contacts-table';

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
});

/** A contact to edit, or the role of a new one. */
type ContactEdit = { contact?: Contact; role?: ContactRole };

/** The contacts recorded for one unit, from the directory. */
export function useUnitContacts(unitId: string): Contact[] {
  const { contacts } = useAppStore((s) => s.directory);
  return useMemo(() => contacts.filter((c) => c.unitId === unitId), [contacts, unitId]);
}

/**
 * The unit's people by role: the one customer who decides and finances, its purchasers, and everyone
 * else; with the dialogs that add, edit and delete them.
 */
export function UnitContactsSections({ unit, contacts }: { unit: BusinessUnit; contacts: Contact[] }) {
  const { notify } = useNotify();
  const dropContact = useAppStore((s) => s.dropContact);
  const [contactEdit, setContactEdit] = useState<ContactEdit | null>(null);
  const [contactToDelete, setContactToDelete] = useState<Contact | null>(null);

  const customer = contacts.find((c) => c.role === 'customer');
  const purchasers = contacts.filter((c) => c.role === 'purchaser');
  const others = contacts.filter((c) => c.role !== 'customer' && c.role !== 'purchaser');
  const editContact = (contact: Contact) => setContactEdit({ contact });

  return (
    <>
      <CustomerSection unit={unit} customer={customer} onEdit={setContactEdit} />

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
            onEdit={editContact}
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
            onEdit={editContact}
            onDelete={setContactToDelete}
          />
        ) : (
          <EmptyText>No users, key users or IT stakeholders recorded.</EmptyText>
        )}
      </Section>

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
    </>
  );
}

/** The customer decides on and finances the unit's IT services: shown as a card, not a table row. */
function CustomerSection(props: {
  unit: BusinessUnit;
  customer: Contact | undefined;
  onEdit: (edit: ContactEdit) => void;
}) {
  const { unit, customer, onEdit } = props;
  return (
    <Section
      title="Customer"
      actions={
        customer ? (
          <Button onClick={() => onEdit({ contact: customer })}>Edit customer</Button>
        ) : (
          <Button
            appearance="primary"
            icon={<PersonAdd20Regular />}
            onClick={() => onEdit({ role: 'customer' })}
          >
            Add customer
          </Button>
        )
      }
    >
      {customer ? (
        <CustomerCard customer={customer} />
      ) : (
        <EmptyText>No customer recorded: who decides on and finances IT services for {unit.name}?</EmptyText>
      )}
    </Section>
  );
}

function CustomerCard({ customer }: { customer: Contact }) {
  const styles = useStyles();
  return (
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
  );
}
