import { useEffect } from 'react';
import { useNotify } from '../ui/toast';
import { recoverAllAtStart } from './draft-recovery';

/** Mounted once at start: puts back minutes typed but not saved when the app last closed. */
export function DraftRecoveryNotice() {
  const { notify } = useNotify();
  useEffect(() => {
    void recoverAllAtStart().then((meetings) => {
      if (meetings > 0) {
        notify(
          `Recovered minutes typed before BRM Workbook last closed, in ${meetings} meeting${meetings === 1 ? '' : 's'}.`,
          'info',
        );
      }
    });
  }, [notify]);
  return null;
}
