import fs from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

// The fuses the packaged app must carry (checklist item 19). `satisfies` makes a misspelt key a type
// error, so the names below are electron-builder 26's own.
const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} satisfies NonNullable<Configuration['electronFuses']>;

/** Reads the flat `electronFuses:` block of electron-builder.yml (key: true|false lines). */
function fusesInBuilderConfig(): Record<string, boolean> {
  const lines = fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trimEnd() === 'electronFuses:');
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+(\w+):\s*(true|false)\s*$/.exec(line);
    if (!match) break;
    fuses[match[1]!] = match[2] === 'true';
  }
  return fuses;
}

describe('packaged build', () => {
  it('19: sets the fuses: no run-as-node, NODE_OPTIONS or inspect; ASAR integrity and ASAR only', () => {
    expect(fusesInBuilderConfig()).toEqual(EXPECTED_FUSES);
  });

  it('19: packs the app into an ASAR archive', () => {
    expect(fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8')).toMatch(/^asar: true$/m);
  });

  it('16: pins a current Electron (41, the newest that installs on Node 20)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const version = pkg.devDependencies.electron ?? '';
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(41);
  });
});
