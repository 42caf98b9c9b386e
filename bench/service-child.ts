/**
 * The bench's service-layer steps, each run by bench.ts in a fresh Node process: a separate entry so
 * that the process measured holds the service layer only (not the browser driver the bench also uses).
 *
 *   node out/bench/bench-service.mjs --first-open <folder> | --service <folder>
 */
import { firstOpen, measureService } from './service-figures';

const [mode, dataDir = ''] = process.argv.slice(2);
const answer =
  mode === '--first-open'
    ? await firstOpen(dataDir)
    : mode === '--service'
      ? await measureService(dataDir)
      : null;
if (!answer) throw new Error(`Unknown bench step ${String(mode)}.`);
process.stdout.write(`${JSON.stringify(answer)}\n`);
