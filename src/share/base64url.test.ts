import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "./base64url";

describe("base64url", () => {
  it("encodes every length and byte value as Node's base64url does, with no padding", () => {
    for (let length = 0; length < 300; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64url"));
      expect(fromBase64Url(text)).toEqual({ ok: true, bytes });
    }
  });

  it("rejects a character outside the alphabet, naming it and its position", () => {
    expect(fromBase64Url("ab+d")).toEqual({ ok: false, error: 'character "+" at position 2 is not base64url (A-Z a-z 0-9 - _)' });
    expect(fromBase64Url("abc=")).toMatchObject({ ok: false, error: expect.stringContaining('"="') });
    expect(fromBase64Url("ab😀")).toMatchObject({ ok: false, error: expect.stringContaining('"😀" at position 2') });
  });

  it("rejects a length no encoder can produce", () => {
    expect(fromBase64Url("abcde")).toEqual({ ok: false, error: "5 characters cannot be base64url (one is missing or extra)" });
  });
});
