/**
 * How long exporting the minutes takes for meetings with 10, 200 and 1,000 actions (half raised in the
 * meeting, half carried in), measured through the contract on a real workbook: build, pack and write.
 * Goal: 200 actions under 250 ms. Run alone with `npx tsx bench/export-bench.ts`.
 */
import path from 'node:path';
import { fixtureWorkbook, realisticMeeting, seedMeeting } from '../test/fixtures/meeting-fixture';

export interface ExportBench {
  /** Median wall-clock times. */
  export10Ms: number;
  export200Ms: number;
  export1000Ms: number;
  /** Median CPU time of this process for the same exports: what the wall clock shows on an idle machine. */
  cpu10Ms: number;
  cpu200Ms: number;
  cpu1000Ms: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Median wall and CPU time of exporting the minutes of a meeting with `actions` actions, after a warm-up. */
async function timeExport(actions: number, runs: number): Promise<{ wall: number; cpu: number }> {
  const fx = fixtureWorkbook();
  try {
    const newActions = Math.ceil(actions / 2);
    const { meetingId } = await seedMeeting(fx, { text: realisticMeeting(newActions, actions - newActions) });
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
    fx.dispose();
  }
}

export async function benchExport(): Promise<ExportBench> {
  const [a, b, c] = [await timeExport(10, 9), await timeExport(200, 7), await timeExport(1000, 5)];
  return {
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
