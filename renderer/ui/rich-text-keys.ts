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
  $createRangeSelectionFromDom,
  $getNodeByKey,
  $getRoot,
  type BaseSelection,
  type RangeSelection,
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

/**
 * The selection as the BRM sees it. The browser reports a new selection (Shift+Ctrl+←) in a later
 * `selectionchange` task, and Lexical reads the DOM only then: a Ctrl+K pressed before that task has
 * run, on a busy machine or by a fast hand, would find the old collapsed caret and insert the address
 * as new text instead of linking the chosen words. So the DOM's selection wins when it lies in here.
 */
function $selectionOnScreen(editor: LexicalEditor): BaseSelection | null {
  const dom = window.getSelection();
  const root = editor.getRootElement();
  const inHere = dom && root?.contains(dom.anchorNode) && root.contains(dom.focusNode);
  return (inHere ? $createRangeSelectionFromDom(dom, editor) : null) ?? $getSelection();
}

/** Runs inside the Ctrl+K command's update, so it sees the pending selection, not the last committed one. */
function $linkRequest(editor: LexicalEditor): LinkRequest {
  const selection = $selectionOnScreen(editor);
  let current = '';
  let hasText = false;
  if ($isRangeSelection(selection)) {
    const link = $findMatchingParent(selection.anchor.getNode(), (n: LexicalNode) => $isLinkNode(n));
    if ($isLinkNode(link)) current = link.getURL();
    hasText = !selection.isCollapsed();
  }
  return { editor, selection: selection?.clone() ?? null, current, hasText };
}

/** Whether every node the saved selection points at is still in the editor (a new `value` rebuilds them). */
function $stillThere(selection: BaseSelection | null): selection is RangeSelection {
  return (
    $isRangeSelection(selection) &&
    $getNodeByKey(selection.anchor.key) !== null &&
    $getNodeByKey(selection.focus.key) !== null
  );
}

/**
 * Links the text chosen when Ctrl+K was pressed (or inserts the address as its own text); '' unlinks.
 * Committed at once (discrete), before the dialog closes and the focus comes back, so no selection
 * the returning focus brings can slip in between. If the content was replaced while the dialog was
 * open, the chosen words are gone: the address is added at the end as its own link, never lost.
 */
export function applyLink(request: LinkRequest, url: string) {
  request.editor.update(
    () => {
      const saved = $stillThere(request.selection) ? request.selection.clone() : null;
      if (saved) $setSelection(saved);
      else $getRoot().selectEnd();
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if (url === '') $toggleLink(null);
      else if (saved && (request.hasText || request.current)) $toggleLink(url);
      else selection.insertNodes([$createLinkNode(url).append($createTextNode(url))]);
    },
    { discrete: true },
  );
  request.editor.focus();
}
