import { Button } from '@fluentui/react-components';
import { Delete20Regular, Edit20Regular } from '@fluentui/react-icons';

/**
 * The pencil and bin of a record's row or card, named after the record ("Edit Retail SLA 2026") so a
 * screen reader, and a test, can tell one row's buttons from the next.
 */
export function EditDeleteButtons(props: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <>
      <Button
        appearance="subtle"
        icon={<Edit20Regular />}
        aria-label={`Edit ${props.name}`}
        onClick={props.onEdit}
      />
      <Button
        appearance="subtle"
        icon={<Delete20Regular />}
        aria-label={`Delete ${props.name}`}
        onClick={props.onDelete}
      />
    </>
  );
}
