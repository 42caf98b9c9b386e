// Bundles the Node-side entry points (Electron main and preload, the preview host, the bench).
// The renderer is built by Vite; this covers what runs outside the browser.
import { build } from 'esbuild';

const esmBanner = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'electron/shell/main.ts' },
    outdir: 'out/electron',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    external: ['electron'],
    banner: esmBanner,
  }),
  // A sandboxed preload runs as CommonJS and may require only 'electron': bundle everything else.
  build({
    ...common,
    entryPoints: { preload: 'electron/shell/preload.ts' },
    outdir: 'out/electron',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: { 'preview-host': 'electron/preview/preview-host.ts' },
    outdir: 'out/preview',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    banner: esmBanner,
  }),
  // `npm run bench`: the ten-year workbook generator and measurements (never part of `npm test`).
  build({
    ...common,
    entryPoints: { bench: 'bench/bench.ts', 'bench-service': 'bench/service-child.ts' },
    outdir: 'out/bench',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    banner: esmBanner,
  }),
]);
