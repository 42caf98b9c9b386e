/**
 * How long exporting the minutes takes for meetings with 10, 200 and 1,000 actions (half raised in the
 * meeting, half carried in), measured through the contract on a real workbook: build, pack and write.
 * Goal: 200 actions under 250 ms. Run alone with `npx tsx bench/export-bench.ts`.
 */
import path from 'node:path';
import { fixtureWorkbook, realisticMeeting, seedMeeting } from '../test/fixtures/meeting-fixture';

export interface ExportBench {
  export10Ms: number;
  export200Ms: number;
  export1000Ms: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Median time of exporting the minutes of a meeting with `actions` actions, after one warm-up export. */
async function timeExport(actions: number, runs: number): Promise<number> {
  const fx = fixtureWorkbook();
  try {
    const newActions = Math.ceil(actions / 2);
    const { meetingId } = await seedMeeting(fx, { text: realisticMeeting(newActions, actions - newActions) });
    await fx.call('exportMinutes', { meetingId });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await fx.call('exportMinutes', { meetingId });
      times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    fx.dispose();
  }
}

export async function benchExport(): Promise<ExportBench> {
  return {
    export10Ms: await timeExport(10, 9),
    export200Ms: await timeExport(200, 7),
    export1000Ms: await timeExport(1000, 5),
  };
}

// Run as a script (not when bundled into the whole bench, whose entry has another name).
if (path.basename(process.argv[1] ?? '').startsWith('export-bench')) {
  const result = await benchExport();
  const line = (label: string, ms: number) => `  ${label.padEnd(28)}${ms.toFixed(0).padStart(6)} ms`;
  console.log(
    [
      'Export minutes to Word (median)',
      line('10 actions', result.export10Ms),
      line('200 actions (goal < 250 ms)', result.export200Ms),
      line('1,000 actions', result.export1000Ms),
    ].join('\n'),
  );
}
