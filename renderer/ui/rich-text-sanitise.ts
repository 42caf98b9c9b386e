import { $isLinkNode, LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { IS_BOLD, IS_ITALIC, ParagraphNode, TextNode } from 'lexical';
import { useEffect } from 'react';
import { isSafeExternalUrl } from '../../shared/rich-text/external-links';

/**
 * Whatever arrives — typed, or pasted from Word or a web page — keeps only what the stored format
 * has: bold and italic (no underline, code, colours or fonts), links to https: and mailto: (others
 * keep their text), paragraphs without alignment or indents. Scripts, styles and images never get in:
 * Lexical drops them on paste, and no node here could hold them.
 */
export function useSanitisedContent() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          const kept = node.getFormat() & (IS_BOLD | IS_ITALIC);
          if (kept !== node.getFormat()) node.setFormat(kept);
          if (node.getStyle() !== '') node.setStyle('');
        }),
        editor.registerNodeTransform(LinkNode, (node) => {
          if (!$isLinkNode(node) || isSafeExternalUrl(node.getURL())) return;
          for (const child of node.getChildren()) node.insertBefore(child);
          node.remove();
        }),
        editor.registerNodeTransform(ParagraphNode, (node) => {
          if (node.getFormatType() !== '') node.setFormat('');
          if (node.getIndent() !== 0) node.setIndent(0);
          if (node.getStyle() !== '') node.setStyle('');
        }),
      ),
    [editor],
  );
}
