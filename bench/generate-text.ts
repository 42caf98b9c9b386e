/**
 * Generated text and dates: sentence templates filled from the vocabulary, and dates written so the output
 * does not depend on the machine's time zone.
 */
import { format } from 'date-fns';
import type { Prng } from './prng';
import * as words from './vocabulary';

/** Fills sentence templates with services, people, incidents and figures. */
export class TextMaker {
  private incident = 1_000_000;
  private change = 50_000;

  constructor(private readonly rng: Prng) {}

  fill(template: string, unitName: string, people: readonly { name: string }[] = []): string {
    const rng = this.rng;
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'service':
          return rng.pick(words.SERVICES);
        case 'person':
          return people.length ? rng.pick(people).name : rng.pick(words.FIRST_NAMES);
        case 'cause':
          return rng.pick(words.CAUSES);
        case 'topic':
          return rng.pick(words.TOPICS);
        case 'requirement':
          return rng.pick(words.REQUIREMENTS);
        case 'praise':
          return rng.pick(words.PRAISE);
        case 'vendor':
          return rng.pick(words.VENDORS);
        case 'unit':
          return unitName;
        case 'target':
          return rng.pick(['99.5', '99.8', '99.9', '98']);
        case 'pct':
          return (97 + rng.next() * 3).toFixed(2);
        case 'hours':
          return String(rng.int(2, 12));
        case 'count':
          return String(rng.int(3, 140));
        case 'score':
          return (2.5 + rng.next() * 2.5).toFixed(1);
        case 'quarter':
          return `Q${rng.int(1, 4)}`;
        case 'incident':
          return `INC${(this.incident += rng.int(1, 900))}`;
        case 'change':
          return `CHG${(this.change += rng.int(1, 90))}`;
        default:
          throw new Error(`Unknown slot {${slot}}`);
      }
    });
  }

  paragraph(sentences: number, unitName: string): string {
    return Array.from({ length: sentences }, () =>
      this.fill(this.rng.pick(words.MINUTES_SENTENCES), unitName),
    ).join(' ');
  }

  /** Minutes of one agenda item: sentences in short paragraphs, stopping once about `bytes` long. */
  minutes(bytes: number, unitName: string, people: readonly { name: string }[]): string {
    const paragraphs: string[] = [];
    let length = 0;
    while (length < bytes) {
      const sentences: string[] = [];
      for (let n = this.rng.int(2, 4); n > 0 && length < bytes; n--) {
        const sentence = this.fill(this.rng.pick(words.MINUTES_SENTENCES), unitName, people);
        sentences.push(sentence);
        length += sentence.length + 1;
      }
      const paragraph = sentences.join(' ');
      paragraphs.push(this.rng.chance(0.15) ? `- ${paragraph}` : paragraph);
    }
    return paragraphs.join('\n');
  }
}

export const date = (day: Date): string => format(day, 'yyyy-MM-dd');
/** A fixed time on a local day, written as an instant with offset 0 so the output does not depend on TZ. */
export const instant = (day: Date, hour: number): string =>
  `${date(day)}T${String(hour).padStart(2, '0')}:00:00.000Z`;
