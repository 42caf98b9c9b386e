import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { settingsFieldsSchema, type Settings, type SettingsFields } from '../../shared/domain/system';
import { useAppStore } from '../app/store';
import { DocumentLogoField } from './document-logo-field';
import { RoleCadenceSettings } from '../app/feature-parts';
import { Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  footer: { display: 'flex', justifyContent: 'flex-end' },
  path: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

const THEMES: Array<{ value: SettingsFields['theme']; label: string }> = [
  { value: 'system', label: 'As the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const fieldsOf = (settings: Settings): SettingsFields => ({
  organisationName: settings.organisationName,
  brmName: settings.brmName,
  brmEmail: settings.brmEmail,
  locale: settings.locale,
  theme: settings.theme,
});

/** The few settings a BRM sets once: who they are, the organisation on the documents, dates and theme. */
export function SettingsView() {
  const styles = useStyles();
  const settings = useAppStore((s) => s.settings);
  const saveSettings = useAppStore((s) => s.saveSettings);
  const dataDir = useAppStore((s) => s.status?.dataDir ?? '');
  const { notify } = useNotify();
  const form = useForm(settingsFieldsSchema, fieldsOf(settings));
  const { reset } = form;
  // Whenever the stored settings change (saved here or elsewhere), the form shows them as stored.
  useEffect(() => reset(fieldsOf(settings)), [settings, reset]);

  const save = () =>
    void form.submit(async (fields) => {
      await saveSettings(fields);
      notify('Settings saved');
    });

  return (
    <Page label="Settings">
      <PageHeader
        title="Settings"
        subtitle="How you and your organisation appear in the documents you send."
      />
      <Section title="You and your organisation">
        <div className={styles.grid}>
          <Field
            label="Organisation name"
            hint="Shown in the header of every Word document."
            validationMessage={form.errors.organisationName}
          >
            <Input
              value={form.values.organisationName}
              onChange={(_, d) => form.set('organisationName', d.value)}
            />
          </Field>
          <Field
            label="Your name"
            hint="The default minute-taker of new meetings."
            validationMessage={form.errors.brmName}
          >
            <Input value={form.values.brmName} onChange={(_, d) => form.set('brmName', d.value)} />
          </Field>
          <Field
            label="Your e-mail address"
            hint="The sender of minutes mails and the organiser of calendar invitations."
            validationMessage={form.errors.brmEmail}
          >
            <Input
              type="email"
              value={form.values.brmEmail}
              onChange={(_, d) => form.set('brmEmail', d.value)}
            />
          </Field>
          <Field
            label="Date format locale"
            hint="For example en-GB or de-DE; empty uses the system's."
            validationMessage={form.errors.locale}
          >
            <Input value={form.values.locale} onChange={(_, d) => form.set('locale', d.value)} />
          </Field>
          <Field label="Theme">
            <Select
              value={form.values.theme}
              onChange={(_, d) => form.set('theme', d.value as SettingsFields['theme'])}
            >
              {THEMES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {form.formError ? (
          <Text style={{ color: tokens.colorPaletteRedForeground1 }}>{form.formError}</Text>
        ) : null}
        <div className={styles.footer}>
          <Button appearance="primary" onClick={save} disabled={form.saving}>
            Save settings
          </Button>
        </div>
      </Section>
      <Section title="Document logo">
        <DocumentLogoField />
      </Section>
      <RoleCadenceSettings />
      <Section title="Data folder">
        <Text>Your workbook and its backups are kept in</Text>
        <Text className={styles.path}>{dataDir}</Text>
      </Section>
    </Page>
  );
}
