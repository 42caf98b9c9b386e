/**
 * How long exporting the minutes takes for meetings with 10, 200 and 1,000 actions (half raised in the
 * meeting, half carried in), measured through the contract on a real workbook: build, pack and write.
 * Goal: 200 actions under 250 ms. Run alone with `npx tsx bench/export-bench.ts`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  fixtureWorkbook,
  realisticMeeting,
  seedMeeting,
  type MeetingText,
} from '../test/fixtures/meeting-fixture';

/** Debian's pandoc: the yardstick for the export's speed, converting the same minutes to .docx. */
export const PANDOC = '/usr/bin/pandoc';

export interface ExportBench {
  /** Median wall-clock times. */
  export10Ms: number;
  export200Ms: number;
  export1000Ms: number;
  /** Median CPU time of this process for the same exports: what the wall clock shows on an idle machine. */
  cpu10Ms: number;
  cpu200Ms: number;
  cpu1000Ms: number;
  /** Median wall time of pandoc converting the same minutes (as Markdown) to .docx; null without pandoc. */
  pandoc200Ms: number | null;
  pandoc1000Ms: number | null;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Median wall and CPU time of exporting the minutes of a meeting with `actions` actions, after a warm-up. */
async function timeExport(actions: number, runs: number): Promise<{ wall: number; cpu: number }> {
  const fx = fixtureWorkbook();
  try {
    const { meetingId } = await seedMeeting(fx, { text: meetingWith(actions) });
    await fx.call('exportMinutes', { meetingId });
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const startCpu = process.cpuUsage();
      const start = performance.now();
      await fx.call('exportMinutes', { meetingId });
      wall.push(performance.now() - start);
      const used = process.cpuUsage(startCpu);
      cpu.push((used.user + used.system) / 1000);
    }
    return { wall: median(wall), cpu: median(cpu) };
  } finally {
    fx.close();
  }
}

const meetingWith = (actions: number): MeetingText => {
  const newActions = Math.ceil(actions / 2);
  return realisticMeeting(newActions, actions - newActions);
};

/** The same minutes as Markdown: heading, attendees, each item's minutes and decisions, the actions as a table. */
export function minutesMarkdown(text: MeetingText): string {
  const cell = (value: string) => value.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = [
    `# ${text.unitName}: periodic service review`,
    '',
    `Location: ${text.location}. Chair: ${text.chair}. Minutes: ${text.minuteTaker}.`,
    '',
    '| Attendee | Role |',
    '|---|---|',
    ...text.attendees.map((a) => `| ${cell(a.name)} | ${cell(a.role)} |`),
  ];
  for (const [i, item] of text.items.entries()) {
    lines.push('', `## ${i + 1}. ${item.title}`, '', item.minutes, '');
    for (const decision of item.decisions) lines.push(`- **Decision:** ${decision}`);
  }
  lines.push('', '## Actions', '', '| Action | Owner | Update |', '|---|---|---|');
  for (const a of text.carried) lines.push(`| ${cell(a.title)} | ${cell(a.owner)} | ${cell(a.note)} |`);
  for (const a of text.newActions) lines.push(`| ${cell(a.title)} | ${cell(a.owner)} | new |`);
  return lines.join('\n');
}

/** Median wall time of `pandoc` turning the same minutes into .docx (process start included, as for a user). */
function timePandoc(actions: number, runs: number): number | null {
  if (!fs.existsSync(PANDOC)) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-pandoc-'));
  try {
    const source = path.join(dir, 'minutes.md');
    fs.writeFileSync(source, minutesMarkdown(meetingWith(actions)));
    const convert = () => {
      const result = spawnSync(PANDOC, [
        source,
        '-f',
        'markdown',
        '-t',
        'docx',
        '-o',
        path.join(dir, 'minutes.docx'),
      ]);
      if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr.toString('utf8')}`);
    };
    convert();
    const wall: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      convert();
      wall.push(performance.now() - start);
    }
    return median(wall);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchExport(): Promise<ExportBench> {
  // Interleaved with pandoc on the same content, so a busy spell of the machine weighs on both alike.
  const a = await timeExport(10, 9);
  const b = await timeExport(200, 7);
  const pandoc200Ms = timePandoc(200, 7);
  const c = await timeExport(1000, 5);
  const pandoc1000Ms = timePandoc(1000, 5);
  return {
    pandoc200Ms,
    pandoc1000Ms,
    export10Ms: a.wall,
    export200Ms: b.wall,
    export1000Ms: c.wall,
    cpu10Ms: a.cpu,
    cpu200Ms: b.cpu,
    cpu1000Ms: c.cpu,
  };
}

// Run as a script (not when bundled into the whole bench, whose entry has another name).
if (path.basename(process.argv[1] ?? '').startsWith('export-bench')) {
  const r = await benchExport();
  const line = (label: string, wall: number, cpu: number) =>
    `  ${label.padEnd(30)}${wall.toFixed(0).padStart(6)} ms   (CPU ${cpu.toFixed(0)} ms)`;
  console.log(
    [
      'Export minutes to Word (median)',
      line('10 actions', r.export10Ms, r.cpu10Ms),
      line('200 actions (goal < 250 ms)', r.export200Ms, r.cpu200Ms),
      line('1,000 actions', r.export1000Ms, r.cpu1000Ms),
    ].join('\n'),
  );
}
