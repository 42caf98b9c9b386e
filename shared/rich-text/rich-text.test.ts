import { describe, expect, it } from 'vitest';
import {
  isRichTextEmpty,
  parseRichText,
  plainTextToRichText,
  richTextToPlain,
  serialiseRichText,
  type RichDocument,
  type TextRun,
} from './rich-text';

const run = (text: string, marks: Partial<Omit<TextRun, 'text'>> = {}): TextRun => ({
  text,
  bold: false,
  italic: false,
  href: null,
  ...marks,
});
const para = (...runs: TextRun[]) => ({ kind: 'paragraph' as const, runs });

describe('parseRichText', () => {
  it('reads paragraphs, line breaks, bold, italic and links', () => {
    expect(
      parseRichText('Budget **agreed** and *noted*\nsee [the plan](https://intra.example.com/plan)\n\nNext'),
    ).toEqual([
      para(
        run('Budget '),
        run('agreed', { bold: true }),
        run(' and '),
        run('noted', { italic: true }),
        run('\nsee '),
        run('the plan', { href: 'https://intra.example.com/plan' }),
      ),
      para(run('Next')),
    ]);
  });

  it('reads bulleted and numbered lists nested one level, deeper levels flattened into the second', () => {
    const doc = parseRichText('1. First\n   - a\n     - deep\n   - b\n2. Second');
    expect(doc).toEqual([
      {
        kind: 'list',
        ordered: true,
        items: [
          {
            runs: [run('First')],
            children: {
              kind: 'list',
              ordered: false,
              items: [
                { runs: [run('a')], children: null },
                { runs: [run('deep')], children: null },
                { runs: [run('b')], children: null },
              ],
            },
          },
          { runs: [run('Second')], children: null },
        ],
      },
    ]);
  });

  it.each([
    ['javascript:alert(1)'],
    ['http://example.com'],
    ['file:///etc/passwd'],
    ['https://user:pw@example.com'],
    ['mailto:a@example.com?attach=/etc/passwd'],
    ['data:text/html,<script>alert(1)</script>'],
  ])('keeps the text of a link to %s but not the link', (href) => {
    expect(parseRichText(`[click](${href})`)).toEqual([para(run('click'))]);
  });

  it('keeps https and mailto links', () => {
    expect(parseRichText('[mail](mailto:maria@example.com) <https://example.com/a>')).toEqual([
      para(
        run('mail', { href: 'mailto:maria@example.com' }),
        run(' '),
        run('https://example.com/a', { href: 'https://example.com/a' }),
      ),
    ]);
  });

  it('reads what is not in the subset as plain text: html, images, headings, code', () => {
    expect(
      parseRichText('# Title\n\n<script>alert(1)</script>\n\n![logo](https://x.example/a.png) `x`'),
    ).toEqual([para(run('Title')), para(run('<script>alert(1)</script>')), para(run('logo x'))]);
  });

  it('gives an empty document for blank text', () => {
    expect(parseRichText('')).toEqual([]);
    expect(parseRichText(' \n\n ')).toEqual([]);
  });

  it('calls text empty exactly when its parse is empty, plain text without parsing it', () => {
    const texts = [
      '',
      ' \n\t\n ',
      'Agreed.',
      '  Agreed  ',
      '**  **',
      '- ',
      '1. ',
      '[](https://x.org)',
      '\\',
      '*a*',
    ];
    for (const text of texts)
      expect([text, isRichTextEmpty(text)]).toEqual([text, parseRichText(text).length === 0]);
  });
});

describe('serialiseRichText', () => {
  const docs: Array<[string, RichDocument]> = [
    [
      'marks side by side',
      [para(run('a '), run('b', { bold: true }), run('c', { bold: true, italic: true }), run(' d'))],
    ],
    [
      'a bold link',
      [
        para(
          run('see '),
          run('the ', { href: 'https://e.example/x_(y)' }),
          run('plan', { href: 'https://e.example/x_(y)', bold: true }),
        ),
      ],
    ],
    ['markup typed as text', [para(run('5 * 3 _x_ [a](b) `c` <b>x</b> &amp; \\ 1. - # > ~~~'))]],
    [
      'line-start markup typed as text',
      [para(run('- not a list\n1. not numbered\n# not a heading\n> not a quote\n---\n=='))],
    ],
    [
      'lists with line breaks and markup-like text',
      [
        {
          kind: 'list',
          ordered: true,
          items: [
            {
              runs: [run('one\n- still one')],
              children: {
                kind: 'list',
                ordered: false,
                items: [{ runs: [run('1. sub', { italic: true })], children: null }],
              },
            },
            ...Array.from({ length: 10 }, (_, i) => ({ runs: [run(`item ${i}`)], children: null })),
            {
              runs: [run('eleventh')],
              children: {
                kind: 'list',
                ordered: true,
                items: [{ runs: [run('nested under 12.')], children: null }],
              },
            },
          ],
        },
        para(run('after')),
      ],
    ],
  ];
  it.each(docs)('round-trips %s', (_why, doc) => {
    expect(parseRichText(serialiseRichText(doc))).toEqual(doc);
  });

  it('moves blanks at the edge of a mark outside it (Markdown would not read `** loud **`)', () => {
    expect(
      parseRichText(serialiseRichText([para(run('say '), run(' loud ', { bold: true }), run('now'))])),
    ).toEqual([para(run('say  '), run('loud', { bold: true }), run(' now'))]);
  });

  it('writes the documented format', () => {
    expect(
      serialiseRichText([
        para(run('Agreed: '), run('budget', { bold: true }), run(' is '), run('final', { italic: true })),
        {
          kind: 'list',
          ordered: true,
          items: [
            {
              runs: [run('Mail '), run('Maria', { href: 'mailto:maria@example.com' })],
              children: { kind: 'list', ordered: false, items: [{ runs: [run('today')], children: null }] },
            },
          ],
        },
      ]),
    ).toBe('Agreed: **budget** is *final*\n\n1. Mail [Maria](mailto:maria@example.com)\n   - today');
  });
});

describe('plainTextToRichText (migration of version 1 text)', () => {
  it.each([
    'Budget agreed.',
    'Line one\nLine two\n\nNew paragraph',
    '- typed dash\n* typed star\n1. typed number\n2) other\n# hash\n> quote\n===\n---',
    'Costs: 5 * 3 = 15 _x_ `ls` [x](javascript:alert(1)) <script>alert(1)</script> &amp; C:\\Users\\a',
    '   indented line\n\tand a tab\tinside',
    'trailing backslash \\\nnext',
    '<https://example.com> and mailto:a@b.example',
  ])('reads back as the same text: %j', (text) => {
    const migrated = plainTextToRichText(text);
    const expected = text
      .split('\n')
      .map((l) => l.replace(/^[ \t]+/, '').replace(/[ \t]+$/, ''))
      .join('\n');
    expect(richTextToPlain(migrated)).toBe(expected);
    expect(parseRichText(migrated).every((b) => b.kind === 'paragraph')).toBe(true);
    expect(parseRichText(migrated).flatMap((b) => (b.kind === 'paragraph' ? b.runs : []))).toSatisfy(
      (runs: TextRun[]) => runs.every((r) => !r.bold && !r.italic && r.href === null),
    );
  });

  it('leaves ordinary minutes unchanged', () => {
    const text = 'Maria reported 3 incidents (P1: 0).\nPeter asked for a review, agreed by all!';
    expect(plainTextToRichText(text)).toBe(text);
  });

  it('is harmless to run on its own result for plain words', () => {
    expect(plainTextToRichText(plainTextToRichText('Plain words only'))).toBe('Plain words only');
  });
});

describe('richTextToPlain', () => {
  it('drops the markup and lists items on their own lines', () => {
    expect(
      richTextToPlain(
        '**Budget** *agreed*\n\n1. [Plan](https://e.example/p)\n   - one\n2. two\n\n- [m](mailto:m@e.example)',
      ),
    ).toBe('Budget agreed\n\n1. Plan (https://e.example/p)\n  - one\n2. two\n\n- m (mailto:m@e.example)');
  });
});

describe('richTextToPlain without markup', () => {
  it.each([
    'Budget agreed.\nNext review in May (2027).',
    'Costs 5% up; 3 + 4 = 7, said Maria!\n\nSecond paragraph',
  ])('returns %j as it is, as parsing would', (text) => {
    expect(richTextToPlain(text)).toBe(text);
    expect(richTextToPlain(`${text}\n\n*x*`)).toBe(`${text}\n\nx`);
  });
});
