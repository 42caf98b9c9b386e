import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { CSV_REGISTER_LABELS, type CsvRegister } from '../../shared/csv/register-exports';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { unitOptionLabel, useUnitOptions } from '../ui/unit-filter';
import { EmptyText, Page, PageHeader } from '../ui/page';
import { useNotify } from '../ui/toast';
import { IncidentsTab } from './incidents-tab';
import { PerformanceTab } from './performance-tab';
import { ProjectsTab } from './projects-tab';
import { RequirementsTab } from './requirements-tab';
import { useReviewRecords, useUnitMeetings } from './use-review-records';
import { useSavedFileNotice } from './use-save-file';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
  },
  unit: { minWidth: '280px' },
});

export const REVIEW_PACK_TABS = ['performance', 'incidents', 'projects', 'requirements'] as const;
export type ReviewPackTab = (typeof REVIEW_PACK_TABS)[number];
const TAB_LABELS: Record<ReviewPackTab, string> = {
  performance: 'Service performance',
  incidents: 'Major incidents',
  projects: 'Projects',
  requirements: 'Requirements and proposals',
};
const TAB_REGISTER: Record<ReviewPackTab, CsvRegister> = {
  performance: 'service-results',
  incidents: 'major-incidents',
  projects: 'projects',
  requirements: 'requirements',
};
const isTab = (value: string | null): value is ReviewPackTab =>
  (REVIEW_PACK_TABS as readonly string[]).includes(value ?? '');

/**
 * Seed 002 "Analyze reports" and "Review ongoing projects": what a BRM compiles for a unit before its
 * next review — service results, major incidents, projects, requirements and proposals.
 */
export function ReviewPackView() {
  const styles = useStyles();
  const navigate = useNavigate();
  const { unitId } = useParams();
  const [search, setSearch] = useSearchParams();
  const { notifyError } = useNotify();
  const savedNotice = useSavedFileNotice();
  const units = useAppStore((s) => s.directory.units);
  const loaded = useAppStore((s) => s.directoryLoaded);
  const options = useUnitOptions();
  const unit = units.find((u) => u.id === (unitId ?? options[0]?.unit.id)) ?? null;
  const tabParam = search.get('tab');
  const tab: ReviewPackTab = isTab(tabParam) ? tabParam : 'performance';
  const { records, error, reload } = useReviewRecords(unit?.id ?? null);
  const meetings = useUnitMeetings(unit?.id ?? null);

  const exportCsv = () => {
    if (!unit) return;
    const register = TAB_REGISTER[tab];
    api
      .exportRegisterCsv({ register, unitId: unit.id })
      .then((saved) => savedNotice(saved, CSV_REGISTER_LABELS[register]))
      .catch(notifyError);
  };

  return (
    <Page label="Review pack">
      <PageHeader
        title="Review pack"
        subtitle={unit ? `What you bring to ${unit.name}'s next service review` : undefined}
        actions={
          unit ? (
            <Button icon={<ArrowDownload20Regular />} onClick={exportCsv}>
              Export {TAB_LABELS[tab].toLowerCase()} (CSV)
            </Button>
          ) : undefined
        }
      />
      {!loaded ? (
        <Spinner label="Loading…" />
      ) : !unit ? (
        <EmptyText>Add a business unit first: the review pack is kept per unit.</EmptyText>
      ) : (
        <>
          <div className={styles.bar}>
            <Field label="Business unit" className={styles.unit}>
              <Select
                value={unit.id}
                onChange={(_, d) =>
                  navigate({ pathname: `/review-pack/${d.value}`, search: search.toString() })
                }
              >
                {options.map((o) => (
                  <option key={o.unit.id} value={o.unit.id}>
                    {unitOptionLabel(o)}
                  </option>
                ))}
              </Select>
            </Field>
            <TabList
              selectedValue={tab}
              onTabSelect={(_, d) => setSearch({ tab: String(d.value) }, { replace: true })}
              aria-label="Review pack registers"
            >
              {REVIEW_PACK_TABS.map((t) => (
                <Tab key={t} value={t}>
                  {TAB_LABELS[t]}
                </Tab>
              ))}
            </TabList>
          </div>
          {error ? (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          ) : null}
          {!records ? (
            <Spinner label="Loading…" />
          ) : tab === 'performance' ? (
            <PerformanceTab key={unit.id} unit={unit} records={records} onChanged={() => void reload()} />
          ) : tab === 'incidents' ? (
            <IncidentsTab
              key={unit.id}
              unit={unit}
              incidents={records.majorIncidents}
              meetings={meetings}
              onChanged={() => void reload()}
            />
          ) : tab === 'projects' ? (
            <ProjectsTab
              key={unit.id}
              unit={unit}
              projects={records.projects}
              onChanged={() => void reload()}
            />
          ) : (
            <RequirementsTab
              key={unit.id}
              unit={unit}
              requirements={records.requirements}
              meetings={meetings}
              onChanged={() => void reload()}
            />
          )}
        </>
      )}
    </Page>
  );
}
