import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { isSafeExternalUrl } from '../../shared/rich-text/external-links';
import { FormDialog } from './form-dialog';
import { applyLink, type LinkRequest } from './rich-text-keys';

/** Ctrl/⌘+K in a rich-text field: the address of the link; empty removes the link the cursor is in. */
export function LinkDialog(props: { request: LinkRequest; onClose: () => void }) {
  const [url, setUrl] = useState(props.request.current);
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    props.onClose();
    props.request.editor.focus();
  };
  const submit = () => {
    const address = url.trim();
    if (address !== '' && !isSafeExternalUrl(address)) {
      setError('Only https: web addresses and mailto: e-mail links can be kept.');
      return;
    }
    if (address === '' && !props.request.current) {
      setError('Type the address to link to.');
      return;
    }
    applyLink(props.request, address);
    props.onClose();
  };
  return (
    <FormDialog
      open
      title={props.request.current ? 'Edit link' : 'Add link'}
      submitLabel={url.trim() === '' && props.request.current ? 'Remove link' : 'Save link'}
      saving={false}
      formError={null}
      onClose={close}
      onSubmit={submit}
    >
      <Field
        label="Link address"
        validationMessage={error}
        hint="https://… or mailto:name@example.com; leave empty to remove the link."
      >
        <Input
          value={url}
          autoFocus
          onChange={(_, d) => {
            setUrl(d.value);
            setError(undefined);
          }}
        />
      </Field>
    </FormDialog>
  );
}
