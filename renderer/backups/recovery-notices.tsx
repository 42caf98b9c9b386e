import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { Notice } from '../../shared/domain/system';
import { api } from '../platform/workbook-api';
import { Section } from '../ui/page';
import { useNotify } from '../ui/toast';

const useStyles = makeStyles({
  file: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  message: { maxWidth: '60ch' },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const when = (at: string) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Store files that were found damaged: what happened, what was restored, when. They stay listed (across
 * restarts) until the BRM dismisses them, so a meeting left out of the workbook is never gone unmentioned.
 */
export function RecoveryNotices() {
  const styles = useStyles();
  const [notices, setNotices] = useState<Notice[]>([]);
  const { notifyError } = useNotify();
  const load = useCallback(() => {
    api.listRecoveryNotices({}).then(setNotices, notifyError);
  }, [notifyError]);
  useEffect(load, [load]);
  if (notices.length === 0) return null;
  return (
    <Section title="Recovered files">
      <Table aria-label="Recovered files" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>File</TableHeaderCell>
            <TableHeaderCell>What happened</TableHeaderCell>
            <TableHeaderCell>Restored from</TableHeaderCell>
            <TableHeaderCell style={{ width: 120 }}>
              <span className="visually-hidden">Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {notices.map((notice) => (
            <TableRow key={notice.id}>
              <TableCell>
                <div className={styles.file}>{notice.file}</div>
                <div className={styles.sub}>{when(notice.at)}</div>
              </TableCell>
              <TableCell>
                <Text className={styles.message}>{notice.message}</Text>
              </TableCell>
              <TableCell>{notice.restoredFrom ?? 'Nothing: no good copy existed'}</TableCell>
              <TableCell>
                <Button
                  icon={<Dismiss20Regular />}
                  aria-label={`Dismiss the notice about ${notice.file ?? 'a file'}`}
                  onClick={() => api.dismissRecoveryNotice({ id: notice.id }).then(setNotices, notifyError)}
                >
                  Dismiss
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
