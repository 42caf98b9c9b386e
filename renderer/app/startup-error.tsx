import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalXXXL, maxWidth: '720px' },
});

/** Shown instead of the app when the workbook cannot be opened at all (e.g. written by a newer version). */
export function StartupError({ message }: { message: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>BRM Workbook could not open your workbook</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
