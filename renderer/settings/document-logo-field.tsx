import { Button, Label, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { Delete20Regular, Image20Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { LOGO_MAX_BYTES } from '../../shared/domain/system';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { useNotify } from '../ui/toast';
import { messageOf } from '../ui/use-form';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  preview: {
    height: '40px',
    maxWidth: '200px',
    objectFit: 'contain',
    padding: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });

/** Settings control for the logo in the header of exported documents (for the settings page). */
export function DocumentLogoField() {
  const styles = useStyles();
  const labelId = useId('document-logo');
  const logo = useAppStore((s) => s.settings.logo);
  const loadSettings = useAppStore((s) => s.loadSettings);
  const { notify } = useNotify();
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const save = async (dataUrl: string | null) => {
    try {
      await api.setDocumentLogo({ dataUrl });
      await loadSettings();
      setError(null);
      notify(dataUrl ? 'Logo saved: exported documents now show it in their header.' : 'Logo removed.');
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      setError('Choose a PNG or JPEG image.');
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setError(
        `The logo can be at most ${LOGO_MAX_BYTES / 1024} KB; this image is ${Math.ceil(file.size / 1024)} KB.`,
      );
      return;
    }
    await save(await readAsDataUrl(file));
  };

  return (
    <div role="group" aria-labelledby={labelId} className={styles.group}>
      <Label id={labelId} weight="semibold">
        Logo for documents
      </Label>
      <div className={styles.row}>
        {logo ? (
          <img src={logo} alt="Current document logo" className={styles.preview} />
        ) : (
          <Text className={styles.hint}>No logo: documents show the organisation name only.</Text>
        )}
        <Button icon={<Image20Regular />} onClick={() => fileInput.current?.click()}>
          {logo ? 'Change logo…' : 'Choose logo…'}
        </Button>
        {logo && (
          <Button icon={<Delete20Regular />} onClick={() => void save(null)}>
            Remove logo
          </Button>
        )}
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg"
          hidden
          aria-label="Logo file"
          onChange={(event) => {
            void choose(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      <Text size={200} className={error ? styles.error : styles.hint} role={error ? 'alert' : undefined}>
        {error ??
          `PNG or JPEG, up to ${LOGO_MAX_BYTES / 1024} KB, shown in the header of exported minutes and agendas.`}
      </Text>
    </div>
  );
}
