/**
 * The rich-text field of minutes, decisions and pack comments: bold, italic, bulleted and numbered
 * lists (nested one level) and https:/mailto: links, all from the keyboard. Built on Lexical; a
 * drop-in for a Textarea — `value` is the stored rich text (shared/rich-text) and `onChange` gets the
 * new stored text on every change, so the draft journal and the autosave carry it unchanged.
 */
import { useFieldControlProps_unstable } from '@fluentui/react-components';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { BOLD_STAR, ITALIC_STAR, ORDERED_LIST, UNORDERED_LIST } from '@lexical/markdown';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { isSafeExternalUrl } from '../../shared/rich-text/external-links';
import { $richTextOfEditor, $setEditorRichText } from './rich-text-document';
import { LinkDialog } from './rich-text-link-dialog';
import { useRichTextKeys, type LinkRequest } from './rich-text-keys';
import { useSanitisedContent } from './rich-text-sanitise';
import { useRichTextStyles } from './rich-text-styles';

/** What typing "- ", "1. ", "**bold**" and "*italic*" turns into; nothing else is converted. */
const SHORTCUTS = [UNORDERED_LIST, ORDERED_LIST, BOLD_STAR, ITALIC_STAR];

/** Marks the editor's own updates from a new `value`, so they are not reported back as typing. */
const FROM_VALUE = 'brm-from-value';

export interface RichTextHandle {
  focus(): void;
}

export interface RichTextEditorProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  readOnly?: boolean;
  placeholder?: string;
  /** The accessible name when no Field labels the editor. */
  'aria-label'?: string;
  /** Enter (outside a list; Shift+Enter still breaks the line) submits, as in a one-line field. */
  onSubmit?: () => void;
  onEscape?: () => void;
  /** Minimum height in lines. */
  rows?: number;
  ref?: Ref<RichTextHandle>;
}

export function RichTextEditor(props: RichTextEditorProps) {
  const styles = useRichTextStyles();
  const [initialValue] = useState(props.value);
  const config: InitialConfigType = {
    namespace: 'brm-rich-text',
    nodes: [ListNode, ListItemNode, LinkNode],
    editable: !props.readOnly,
    theme: {
      paragraph: styles.paragraph,
      link: styles.link,
      text: { bold: styles.bold, italic: styles.italic },
      list: {
        ul: styles.list,
        ol: styles.list,
        listitem: styles.listItem,
        nested: { listitem: styles.nestedHolder },
      },
    },
    editorState: () => $setEditorRichText(initialValue),
    onError: (error) => {
      throw error;
    },
  };
  return (
    <LexicalComposer initialConfig={config}>
      <EditorBody {...props} />
    </LexicalComposer>
  );
}

function EditorBody(props: RichTextEditorProps) {
  const styles = useRichTextStyles();
  const [editor] = useLexicalComposerContext();
  const [link, setLink] = useState<LinkRequest | null>(null);
  const fieldProps = useFieldControlProps_unstable({}, { supportsLabelFor: false });

  useImperativeHandle(props.ref, () => ({ focus: () => editor.focus() }), [editor]);
  useEffect(() => editor.setEditable(!props.readOnly), [editor, props.readOnly]);
  useValueSync(props.value, props.onChange);
  useSanitisedContent();
  useRichTextKeys({ onSubmit: props.onSubmit, onEscape: props.onEscape, onLink: setLink });

  const minHeight = `${(props.rows ?? 1) * 1.5 + 0.75}em`;
  return (
    <div className={styles.frame}>
      <RichTextPlugin
        contentEditable={
          <ContentEditable
            {...fieldProps}
            aria-label={props['aria-label']}
            className={props.readOnly ? styles.readOnly : styles.editable}
            // A CSSOM property set by React, which the CSP allows (it blocks style attributes in markup).
            style={{ minHeight }}
            aria-multiline
            aria-readonly={props.readOnly || undefined}
            onBlur={props.onBlur}
            aria-placeholder={props.placeholder ?? ''}
            placeholder={<div className={styles.placeholder}>{props.placeholder}</div>}
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isSafeExternalUrl} />
      <MarkdownShortcutPlugin transformers={SHORTCUTS} />
      {link ? <LinkDialog request={link} onClose={() => setLink(null)} /> : null}
    </div>
  );
}

/**
 * Keeps the editor and `value` in step: typing reports the new stored text; a new `value` from outside
 * (another agenda item, a replayed draft) replaces the content. Text the editor reported itself is
 * not put back, which would move the cursor.
 */
function useValueSync(value: string, onChange: (value: string) => void) {
  const [editor] = useLexicalComposerContext();
  const reported = useRef(value);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (value === reported.current) return;
    reported.current = value;
    editor.update(() => $setEditorRichText(value), { tag: FROM_VALUE });
  }, [editor, value]);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
        if (tags.has(FROM_VALUE) || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
        const text = editorState.read($richTextOfEditor);
        if (text === reported.current) return;
        reported.current = text;
        onChangeRef.current(text);
      }),
    [editor],
  );
}
