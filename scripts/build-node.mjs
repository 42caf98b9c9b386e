// Bundles the Node-side entry points (Electron main and preload, the preview host, the bench).
// The renderer is built by Vite; this covers what runs outside the browser.
import { access, readFile } from 'node:fs/promises';
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
    // A native module cannot be bundled; electron-builder ships it from node_modules.
    // pg-native: pg's optional native binding, not installed; pg uses its JavaScript client.
    external: ['electron', '@resvg/resvg-js', 'pg-native'],
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

// Electron starts from package.json's "main": a name that drifts from the bundle above would ship an
// app that cannot open. Fail the build instead.
const { main } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await access(new URL(`../${main}`, import.meta.url)).catch(() => {
  throw new Error(`package.json "main" is ${main}, which the build did not write`);
});
