/**
 * Between the editor's node tree (Lexical) and the stored rich text (shared/rich-text). The editor
 * never writes Markdown itself: it hands the shared serialiser a RichDocument, so what is stored is
 * exactly the documented format, and marks the format has no place for are never kept.
 */
import { $createLinkNode, $isLinkNode } from '@lexical/link';
import {
  $createListItemNode,
  $createListNode,
  $isListItemNode,
  $isListNode,
  type ListItemNode,
  type ListNode,
} from '@lexical/list';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  IS_BOLD,
  IS_ITALIC,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import {
  normaliseRuns,
  parseRichText,
  serialiseRichText,
  type RichDocument,
  type RichList,
  type RichListItem,
  type TextRun,
} from '../../shared/rich-text/rich-text';
import { isSafeExternalUrl } from '../../shared/rich-text/external-links';

// ── Editor → stored text ─────────────────────────────────────────────────────

/** The editor's content as stored rich text. Call inside `editorState.read` or `editor.update`. */
export function $richTextOfEditor(): string {
  return serialiseRichText($documentOf($getRoot().getChildren()));
}

function $documentOf(nodes: readonly LexicalNode[]): RichDocument {
  const doc: RichDocument = [];
  for (const node of nodes) {
    if ($isListNode(node)) doc.push($listOf(node, 1));
    else if ($isElementNode(node)) {
      const runs = normaliseRuns($runsOf(node.getChildren(), null));
      if (runs.length) doc.push({ kind: 'paragraph', runs });
    }
  }
  return doc;
}

/**
 * Lexical keeps a nested list in a list item of its own after its parent item; here it becomes the
 * parent's children. Lists nested deeper join the second level (the format has two).
 */
function $listOf(list: ListNode, level: 1 | 2): RichList {
  const items: RichListItem[] = [];
  for (const child of list.getChildren()) {
    if (!$isListItemNode(child)) continue;
    const nested = child.getChildren().find($isListNode);
    if (nested) {
      const nestedList = $listOf(nested, 2);
      if (level === 2) {
        items.push(...nestedList.items);
        continue;
      }
      const parent = items.at(-1) ?? { runs: [], children: null };
      if (items.length === 0) items.push(parent);
      if (parent.children) parent.children.items.push(...nestedList.items);
      else parent.children = nestedList;
      continue;
    }
    items.push({ runs: normaliseRuns($runsOf(child.getChildren(), null)), children: null });
  }
  return { kind: 'list', ordered: list.getListType() === 'number', items };
}

function $runsOf(nodes: readonly LexicalNode[], href: string | null): TextRun[] {
  return nodes.flatMap((node): TextRun[] => {
    if ($isLineBreakNode(node)) return [{ text: '\n', bold: false, italic: false, href }];
    if ($isTextNode(node)) {
      return [
        { text: node.getTextContent(), bold: node.hasFormat('bold'), italic: node.hasFormat('italic'), href },
      ];
    }
    if ($isLinkNode(node)) {
      const url = node.getURL();
      return $runsOf(node.getChildren(), href ?? (isSafeExternalUrl(url) ? url : null));
    }
    return $isElementNode(node) ? $runsOf(node.getChildren(), href) : [];
  });
}

// ── Stored text → editor ─────────────────────────────────────────────────────

/** Replaces the editor's content by the stored rich text. Call inside `editor.update`. */
export function $setEditorRichText(source: string): void {
  const root = $getRoot();
  root.clear();
  for (const block of parseRichText(source)) {
    if (block.kind === 'paragraph') root.append($appendRuns($createParagraphNode(), block.runs));
    else root.append($listNode(block));
  }
  // An empty editor still needs a paragraph to type into.
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}

function $listNode(list: RichList): ListNode {
  const node = $createListNode(list.ordered ? 'number' : 'bullet');
  for (const item of list.items) {
    node.append($appendRuns($createListItemNode(), item.runs));
    if (item.children) {
      const holder: ListItemNode = $createListItemNode();
      holder.append($listNode(item.children));
      node.append(holder);
    }
  }
  return node;
}

function $appendRuns<T extends ElementNode>(parent: T, runs: readonly TextRun[]): T {
  let link: ElementNode | null = null;
  let linkHref: string | null = null;
  for (const run of runs) {
    let target: ElementNode = parent;
    if (run.href) {
      if (!link || linkHref !== run.href) {
        link = $createLinkNode(run.href);
        linkHref = run.href;
        parent.append(link);
      }
      target = link;
    } else {
      link = null;
      linkHref = null;
    }
    run.text.split('\n').forEach((line, i) => {
      if (i > 0) target.append($createLineBreakNode());
      if (line === '') return;
      const text = $createTextNode(line);
      text.setFormat((run.bold ? IS_BOLD : 0) | (run.italic ? IS_ITALIC : 0));
      target.append(text);
    });
  }
  return parent;
}
