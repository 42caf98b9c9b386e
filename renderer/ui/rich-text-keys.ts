import { $toggleLink, $isLinkNode } from '@lexical/link';
import { $getListDepth, $isListItemNode, $isListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  INDENT_CONTENT_COMMAND,
  KEY_ENTER_COMMAND,
  KEY_ESCAPE_COMMAND,
  KEY_MODIFIER_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  $createTextNode,
  $createRangeSelection,
  type BaseSelection,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $createLinkNode } from '@lexical/link';
import { useEffect, useRef } from 'react';

/** What Ctrl+K found: the selection to link, and the link already there, if any. */
export interface LinkRequest {
  editor: LexicalEditor;
  selection: BaseSelection | null;
  /** The address of the link the cursor is in, or ''. */
  current: string;
  /** Whether text is selected (else the address itself is inserted as the link's text). */
  hasText: boolean;
}

const $listItemAtSelection = () => {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  return $findMatchingParent(selection.anchor.getNode(), $isListItemNode);
};

/**
 * The editor's keys: Ctrl/⌘+K asks for a link (and is kept from the app's search palette, which
 * listens on the window); Tab and Shift+Tab nest a list item one level or lift it (elsewhere Tab
 * moves focus, as in every field); Enter submits a one-line field outside a list; Escape leaves it.
 */
export function useRichTextKeys(options: {
  onSubmit?: () => void;
  onEscape?: () => void;
  onLink: (request: LinkRequest) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_MODIFIER_COMMAND,
          (event) => {
            if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'k')
              return false;
            if (!editor.isEditable()) return false;
            event.preventDefault();
            event.stopPropagation();
            latest.current.onLink($linkRequest(editor));
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          KEY_TAB_COMMAND,
          (event) => {
            const item = $listItemAtSelection();
            if (!item) return false;
            event.preventDefault();
            if (event.shiftKey) return editor.dispatchCommand(OUTDENT_CONTENT_COMMAND, undefined);
            const list = item.getParent();
            // Nested one level only: the stored format has two.
            if ($isListNode(list) && $getListDepth(list) >= 2) return true;
            return editor.dispatchCommand(INDENT_CONTENT_COMMAND, undefined);
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            const submit = latest.current.onSubmit;
            if (!submit || event?.shiftKey || $listItemAtSelection()) return false;
            event?.preventDefault();
            submit();
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          KEY_ESCAPE_COMMAND,
          (event) => {
            const escape = latest.current.onEscape;
            if (!escape) return false;
            event.preventDefault();
            escape();
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
}

function $linkRequest(editor: LexicalEditor): LinkRequest {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    let current = '';
    let hasText = false;
    if ($isRangeSelection(selection)) {
      const link = $findMatchingParent(selection.anchor.getNode(), (n: LexicalNode) => $isLinkNode(n));
      if ($isLinkNode(link)) current = link.getURL();
      hasText = !selection.isCollapsed();
    }
    return { editor, selection: selection?.clone() ?? null, current, hasText };
  });
}

/** Links the text chosen when Ctrl+K was pressed (or inserts the address as its own text); '' unlinks. */
export function applyLink(request: LinkRequest, url: string) {
  request.editor.update(() => {
    $setSelection(request.selection?.clone() ?? $createRangeSelection());
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (url === '') $toggleLink(null);
    else if (request.hasText || request.current) $toggleLink(url);
    else selection.insertNodes([$createLinkNode(url).append($createTextNode(url))]);
  });
  request.editor.focus();
}
