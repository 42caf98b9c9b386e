import { Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ClipboardDataBar20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Meeting } from '../../shared/domain/meetings';
import {
  sectionsUnder,
  unplacedSections,
  type PackSection,
  type ReviewPack,
} from '../../shared/domain/review-pack-assembly';
import { api } from '../platform/workbook-api';
import { useDraftJournal, useDraftStart } from '../ui/form-drafts';
import { Section } from '../ui/page';
import { RichTextEditor } from '../ui/rich-text-editor';
import { messageOf } from '../ui/use-form';
import { SectionBody } from './pack-sections';

const useStyles = makeStyles({
  pack: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(220px, 1fr)',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  title: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  icon: { color: tokens.colorBrandForeground1 },
  comment: { alignSelf: 'start' },
});

/** The pack of one meeting, fetched when shown, and the comment setter that keeps it current. */
function useReviewPack(meetingId: string) {
  const [pack, setPack] = useState<ReviewPack | null>(null);
  useEffect(() => {
    let live = true;
    api
      .getReviewPack({ meetingId })
      .then((p) => live && setPack(p))
      .catch(() => live && setPack(null));
    return () => {
      live = false;
    };
  }, [meetingId]);
  const saveComment = useCallback(
    async (section: PackSection['key'], text: string) =>
      setPack(await api.setPackComment({ meetingId, section, text })),
    [meetingId],
  );
  return { pack, saveComment };
}

/** What the review pack brings to one agenda item: read-only figures, with the BRM's comment beside them. */
export function ReviewPackForItem(props: { meeting: Meeting; itemId: string; readOnly: boolean }) {
  const { pack, saveComment } = useReviewPack(props.meeting.id);
  if (!pack) return null;
  const sections = sectionsUnder(pack, props.itemId);
  if (sections.length === 0) return null;
  return (
    <>
      {sections.map((s) => (
        <PackBlock
          key={s.key}
          meetingId={props.meeting.id}
          section={s}
          readOnly={props.readOnly}
          onComment={saveComment}
        />
      ))}
    </>
  );
}

/** Parts of the pack the agenda has no item for (a renamed or custom agenda): shown after it. */
export function UnplacedReviewPack(props: { meeting: Meeting; readOnly: boolean }) {
  const { pack, saveComment } = useReviewPack(props.meeting.id);
  const sections = pack ? unplacedSections(pack) : [];
  if (sections.length === 0) return null;
  return (
    <Section title="Review pack">
      <Text>These parts of the review pack have no item of their own on this agenda.</Text>
      {sections.map((s) => (
        <PackBlock
          key={s.key}
          meetingId={props.meeting.id}
          section={s}
          readOnly={props.readOnly}
          onComment={saveComment}
        />
      ))}
    </Section>
  );
}

function PackBlock(props: {
  meetingId: string;
  section: PackSection;
  readOnly: boolean;
  onComment: (section: PackSection['key'], text: string) => Promise<void>;
}) {
  const styles = useStyles();
  const { section } = props;
  const draft = props.readOnly
    ? undefined
    : { scope: props.meetingId, form: `comment:${section.key}`, label: `Comment on ${section.title}` };
  const [text, setText] = useState(useDraftStart(draft, { text: section.comment }).text);
  const [error, setError] = useState<string | undefined>();
  // Kept until the store holds it: a comment typed and not yet saved survives leaving the item or a crash.
  useDraftJournal(draft, { text }, { text: section.comment });
  const shown = useRef(section.comment);
  useEffect(() => {
    // The stored comment changed (saved here, or from the pack page): show it, but never over a fresh mount's draft.
    if (shown.current !== section.comment) setText(section.comment);
    shown.current = section.comment;
  }, [section.comment]);
  const save = () => {
    if (text === section.comment) return;
    props
      .onComment(section.key, text)
      .then(() => setError(undefined))
      .catch((e: unknown) => setError(messageOf(e)));
  };
  return (
    <section className={styles.pack} aria-label={`Review pack: ${section.title}`}>
      <div className={styles.content}>
        <h3 className={styles.title}>
          <ClipboardDataBar20Regular className={styles.icon} />
          {section.title}
        </h3>
        <SectionBody section={section} />
      </div>
      <Field label="Your comment" className={styles.comment} validationMessage={error}>
        <RichTextEditor
          value={text}
          readOnly={props.readOnly}
          rows={3}
          placeholder={props.readOnly ? 'No comment.' : 'What you want to say about this…'}
          onChange={setText}
          onBlur={save}
        />
      </Field>
    </section>
  );
}
