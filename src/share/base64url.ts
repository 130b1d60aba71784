/**
 * base64url without padding (RFC 4648 §5), by hand: `Buffer` would drag a polyfill into the
 * browser build, and `btoa`/`atob` want binary strings and accept whitespace and padding that a
 * share link must not contain. Decoding is strict and says what is wrong, as data.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const n = (bytes[i] << 16) | ((rest > 1 ? bytes[i + 1] : 0) << 8) | (rest > 2 ? bytes[i + 2] : 0);
    // 1 byte -> 2 characters, 2 -> 3, 3 -> 4; no "=" padding.
    const count = Math.min(rest, 3) + 1;
    for (let k = 0; k < count; k++) out.push(ALPHABET[(n >> (18 - 6 * k)) & 63]);
  }
  return out.join("");
}

export function fromBase64Url(text: string): { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; error: string } {
  // 4n+1 characters hold 6 bits too few for a byte: a character was lost or added.
  if (text.length % 4 === 1) return { ok: false, error: `${text.length} characters cannot be base64url (one is missing or extra)` };
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? VALUE[code] : -1;
    if (value < 0) {
      const char = String.fromCodePoint(text.codePointAt(i) ?? code);
      return { ok: false, error: `character ${JSON.stringify(char)} at position ${i} is not base64url (A-Z a-z 0-9 - _)` };
    }
    acc = ((acc << 6) | value) & 0x3fff; // never more than 14 live bits
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[j++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, bytes };
}
