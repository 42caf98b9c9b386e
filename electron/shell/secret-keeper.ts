import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { SecretKeeper } from '../service/host';
import { writeTextDurably } from '../service/store/store-files';

/**
 * Secrets encrypted by the OS keychain (safeStorage: Keychain, DPAPI, libsecret) and kept as ciphertext in
 * `<data folder>/team/secrets.json`. Where the OS offers no keychain, nothing is written: the secret lives
 * for this session only and the BRM is asked again next time, rather than keeping it in clear.
 */
export function keychainSecrets(dataDir: string): SecretKeeper {
  const file = path.join(dataDir, 'team', 'secrets.json');
  const session = new Map<string, string>();
  const readAll = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  return {
    load(name) {
      const known = session.get(name);
      if (known !== undefined) return known;
      const sealed = readAll()[name];
      if (typeof sealed !== 'string' || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        return null;
      }
    },
    save(name, secret) {
      const all = readAll();
      if (secret === null) {
        session.delete(name);
        delete all[name];
      } else {
        session.set(name, secret);
        if (safeStorage.isEncryptionAvailable())
          all[name] = safeStorage.encryptString(secret).toString('base64');
        else delete all[name];
      }
      writeTextDurably(file, JSON.stringify(all));
    },
  };
}
