/** Stable record ids: random, URL- and file-name-safe (they name the per-meeting store files). */
export function newId(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 20);
}

export function nowInstant(): string {
  return new Date().toISOString();
}
