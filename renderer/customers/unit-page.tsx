import {
  Button,
  Field,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, MoreHorizontal20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { childKindOf, type BusinessUnit } from '../../shared/domain/customers';
import { api } from '../platform/workbook-api';
import { useAppStore } from '../app/store';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';
import { MoveUnitDialog } from './move-unit-dialog';
import { UnitContactsSections, useUnitContacts } from './unit-contacts';
import { UNIT_KIND_LABELS, UnitDialog } from './unit-dialog';
import { UNIT_PAGE_CLOSING_SECTIONS, UNIT_PAGE_SECTIONS } from '../app/unit-page-sections';
import { DateInput } from '../ui/typed-date-input';

const useStyles = makeStyles({
  twoCol: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  breadcrumb: { color: tokens.colorNeutralForeground3 },
});

/** The dialogs the page header opens on the unit itself; one at a time. */
type UnitDialogKind = 'edit' | 'add-sub-unit' | 'move' | 'delete';

/** A unit's page: its people, the parts other features show for it, and its plans and drivers. */
export function UnitPage({ unit }: { unit: BusinessUnit }) {
  const unitContacts = useUnitContacts(unit.id);
  const [dialog, setDialog] = useState<UnitDialogKind | null>(null);

  return (
    <Page label={unit.name}>
      <UnitPageHeader unit={unit} onOpen={setDialog} />
      <UnitContactsSections unit={unit} contacts={unitContacts} />

      {UNIT_PAGE_SECTIONS.map(({ key, Component }) => (
        <Component key={key} unit={unit} />
      ))}

      <PlansSection unit={unit} />
      {UNIT_PAGE_CLOSING_SECTIONS.map(({ key, Component }) => (
        <Component key={key} unit={unit} />
      ))}

      <UnitDialogs
        unit={unit}
        open={dialog}
        contactCount={unitContacts.length}
        onClose={() => setDialog(null)}
      />
    </Page>
  );
}

/** The unit's name, where it sits in the tree, and what can be done to the unit itself. */
function UnitPageHeader({ unit, onOpen }: { unit: BusinessUnit; onOpen: (dialog: UnitDialogKind) => void }) {
  const styles = useStyles();
  const { notify, notifyError } = useNotify();
  const units = useAppStore((s) => s.directory.units);
  const putUnit = useAppStore((s) => s.putUnit);
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
          <Button onClick={() => onOpen('edit')}>Edit unit</Button>
          <Button icon={<Add20Regular />} onClick={() => onOpen('add-sub-unit')}>
            Add sub-unit
          </Button>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button icon={<MoreHorizontal20Regular />} aria-label="More unit actions" />
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem onClick={() => onOpen('move')}>Move under another unit…</MenuItem>
                <MenuItem onClick={() => void setArchived(!unit.archived)}>
                  {unit.archived ? 'Restore from archive' : 'Archive unit'}
                </MenuItem>
                <MenuItem onClick={() => onOpen('delete')}>Delete unit…</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        </>
      }
    />
  );
}

/** The dialogs on the unit itself: edit it, add a sub-unit, move it under another unit, delete it. */
function UnitDialogs(props: {
  unit: BusinessUnit;
  open: UnitDialogKind | null;
  contactCount: number;
  onClose: () => void;
}) {
  const { unit, open, contactCount, onClose } = props;
  const navigate = useNavigate();
  const { notify } = useNotify();
  const dropUnit = useAppStore((s) => s.dropUnit);
  return (
    <>
      <UnitDialog open={open === 'edit'} unit={unit} onClose={onClose} />
      <UnitDialog
        open={open === 'add-sub-unit'}
        parentId={unit.id}
        defaultKind={childKindOf(unit)}
        onClose={onClose}
        onSaved={(u) => navigate(`/units/${u.id}`)}
      />
      <MoveUnitDialog open={open === 'move'} unit={unit} onClose={onClose} />
      <ConfirmDialog
        open={open === 'delete'}
        title={`Delete ${unit.name}?`}
        confirmLabel="Delete unit"
        onClose={onClose}
        onConfirm={async () => {
          await api.deleteUnit({ id: unit.id });
          dropUnit(unit.id);
          notify(`Deleted ${unit.name}`);
          navigate(unit.parentId ? `/units/${unit.parentId}` : '/units');
        }}
      >
        {contactCount
          ? `${unit.name} and its ${contactCount} contact${contactCount === 1 ? '' : 's'} will be removed. `
          : `${unit.name} will be removed. `}
        A unit with sub-units, meetings or register entries cannot be deleted; archive it instead.
      </ConfirmDialog>
    </>
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
