import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** An incremental SHA-256 over UTF-8 text. */
export interface Sha256 {
  update(text: string): Sha256;
  hex(): string;
}

export type Sha256Factory = () => Sha256;

const portable: Sha256Factory = () => {
  const h = sha256.create();
  const api: Sha256 = {
    update(text) {
      h.update(utf8ToBytes(text));
      return api;
    },
    hex: () => bytesToHex(h.digest()),
  };
  return api;
};

let factory: Sha256Factory = portable;
/** A shell's one-call digest of a short text, when it has one (no hash object per finding id). */
let oneShot: ((text: string) => string) | null = null;

/**
 * A shell may install a faster native SHA-256 (the command line uses node:crypto); the engine
 * itself stays free of platform APIs and defaults to the portable implementation. Both give the
 * same digest, which a test checks.
 */
export function useSha256(next: Sha256Factory | null, hexOf: ((text: string) => string) | null = null): void {
  factory = next ?? portable;
  oneShot = next ? hexOf : null;
}

export function createSha256(): Sha256 {
  return factory();
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text` (same in the task pane and in Node). */
export function sha256Hex(text: string): string {
  return oneShot ? oneShot(text) : factory().update(text).hex();
}
