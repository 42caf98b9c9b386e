import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CONTACT_ROLE_LABELS, type Contact } from '../../shared/domain/customers';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';

const useStyles = makeStyles({
  name: { fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  wrap: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

export function ContactsTable(props: {
  label: string;
  contacts: readonly Contact[];
  showRole?: boolean;
  onEdit: (contact: Contact) => void;
  onDelete: (contact: Contact) => void;
}) {
  const styles = useStyles();
  return (
    <Table aria-label={props.label} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          {props.showRole ? <TableHeaderCell style={{ width: 120 }}>Role</TableHeaderCell> : null}
          <TableHeaderCell>Email</TableHeaderCell>
          <TableHeaderCell style={{ width: 140 }}>Phone</TableHeaderCell>
          <TableHeaderCell>IT contact</TableHeaderCell>
          <TableHeaderCell style={{ width: 90 }}>
            <span className="visually-hidden">Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.contacts.map((c) => (
          <TableRow key={c.id}>
            <TableCell className={styles.wrap}>
              <div className={styles.name}>{c.name}</div>
              {c.title ? <div className={styles.sub}>{c.title}</div> : null}
            </TableCell>
            {props.showRole ? <TableCell>{CONTACT_ROLE_LABELS[c.role]}</TableCell> : null}
            <TableCell className={styles.wrap}>
              {c.email ? <Link href={`mailto:${c.email}`}>{c.email}</Link> : '—'}
            </TableCell>
            <TableCell>{c.phone || '—'}</TableCell>
            <TableCell className={styles.wrap}>{c.itContact || '—'}</TableCell>
            <TableCell>
              <div className={styles.actions}>
                <EditDeleteButtons
                  name={c.name}
                  onEdit={() => props.onEdit(c)}
                  onDelete={() => props.onDelete(c)}
                />
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
