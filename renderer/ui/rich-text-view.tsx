import { Fragment, type ReactNode } from 'react';
import { parseRichText, type RichList, type TextRun } from '../../shared/rich-text/rich-text';
import { useRichTextStyles } from './rich-text-styles';

/**
 * Rich text shown, not edited (a decision in its list): React elements built from the parsed tree,
 * so nothing in the text is ever markup on the page; links are only the kept https:/mailto: ones.
 */
export function RichTextView(props: { value: string; className?: string }) {
  const styles = useRichTextStyles();
  const runs = (list: readonly TextRun[]) =>
    list.map((run, i) => <Fragment key={i}>{marked(run, styles)}</Fragment>);
  const listOf = (list: RichList): ReactNode => {
    const items = list.items.map((item, i) => (
      <li key={i} className={styles.listItem}>
        {runs(item.runs)}
        {item.children ? listOf(item.children) : null}
      </li>
    ));
    return list.ordered ? <ol className={styles.list}>{items}</ol> : <ul className={styles.list}>{items}</ul>;
  };
  return (
    <div className={props.className}>
      {parseRichText(props.value).map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i} className={styles.paragraph}>
            {runs(block.runs)}
          </p>
        ) : (
          <Fragment key={i}>{listOf(block)}</Fragment>
        ),
      )}
    </div>
  );
}

function marked(run: TextRun, styles: ReturnType<typeof useRichTextStyles>): ReactNode {
  let node: ReactNode = run.text.split('\n').map((line, i) => (
    <Fragment key={i}>
      {i > 0 ? <br /> : null}
      {line}
    </Fragment>
  ));
  if (run.italic) node = <em className={styles.italic}>{node}</em>;
  if (run.bold) node = <strong className={styles.bold}>{node}</strong>;
  if (run.href) {
    node = (
      <a href={run.href} className={styles.link} target="_blank" rel="noreferrer noopener">
        {node}
      </a>
    );
  }
  return node;
}
