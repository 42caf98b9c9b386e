/**
 * A small seeded pseudo-random generator (mulberry32), so the same seed always yields the same
 * workbook on every machine and Node version — Math.random cannot be seeded.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(list: readonly T[]): T {
    const value = list[Math.floor(this.next() * list.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  }

  /** `count` distinct elements of `list`, in random order. */
  sample<T>(list: readonly T[], count: number): T[] {
    const copy = list.slice();
    const out: T[] = [];
    while (out.length < count && copy.length > 0) {
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0] as T);
    }
    return out;
  }

  /** A record id in the app's id format (20 characters of [0-9a-f], like `newId`). */
  id(): string {
    let out = '';
    for (let i = 0; i < 20; i++) out += HEX[Math.floor(this.next() * 16)];
    return out;
  }
}

const HEX = '0123456789abcdef';
