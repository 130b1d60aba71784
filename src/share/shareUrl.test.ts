import { describe, expect, it } from "vitest";
import { toBase64Url } from "./base64url";
import { MAX_DECODED_BYTES, decodeSharePayload, encodeSharePayload, parseShareHash, shareHash } from "./shareUrl";
import type { Snippet } from "./snippetTypes";

const snippet: Snippet = {
  title: "Zähler überlebt — recompile 🚀",
  files: {
    "App.Worker.ts": "export function handle_info(_m: unknown, state: number) {\n  return ['noreply', state + 1];\n}\n",
    "Main.ts": "import { Supervisor } from \"otp\";\nexport function start() { return Supervisor.start_link(['App.Worker'], {}); }\n",
  },
  main: "Main",
  script: [
    { at: 9500, patch: [{ file: "App.Worker.ts", find: "state + 1", replace: "state + 10" }], action: "recompile", say: "Same pid, new code." },
    { at: 10000, edit: { "App.Worker.ts": "export const vsn = 2;\n" }, action: "upgrade", extra: { step: 10 } },
    { at: 12000, eval: "sys.get_state(Process.whereis('counter'))" },
  ],
  checks: [{ at: 12000, eval: "1 + 1", equals: 2, say: "Arithmetic still works." }],
};

/** A payload made by hand from raw bytes, to build links the encoder never would. */
async function deflated(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe("share links", () => {
  it("round-trip a multi-file snippet with a script, checks and non-ASCII text", async () => {
    const hash = await shareHash(snippet);
    const parsed = parseShareHash(hash);
    expect(parsed.kind).toBe("v1");
    if (parsed.kind !== "v1") return;
    expect(await decodeSharePayload(parsed.payload)).toEqual({ ok: true, snippet });
  });

  it("encode to the URL-safe base64 alphabet with no padding, smaller than the JSON", async () => {
    const payload = await encodeSharePayload(snippet);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(JSON.stringify(snippet).length);
  });

  it("decode a payload made independently as deflate-raw of the JSON", async () => {
    expect(await decodeSharePayload(await deflated(JSON.stringify(snippet)))).toEqual({ ok: true, snippet });
  });
});

describe("parseShareHash", () => {
  it.each([
    ["", { kind: "none" }],
    ["#", { kind: "none" }],
    ["#v1/abc-_", { kind: "v1", payload: "abc-_" }],
    ["v1/abc", { kind: "v1", payload: "abc" }],
    ["#v1/", { kind: "v1", payload: "" }],
    ["#example/counter_recompile", { kind: "example", id: "counter_recompile" }],
  ])("reads %j", (hash, expected) => {
    expect(parseShareHash(hash)).toEqual(expected);
  });

  it("says a later format version is not one it reads, so old and new links can coexist", () => {
    expect(parseShareHash("#v2/abc")).toEqual({ kind: "unknown", error: 'share link format "v2" is not one this playground reads (it reads v1)' });
  });

  it("says an example link without an id names no example", () => {
    expect(parseShareHash("#example/")).toEqual({ kind: "unknown", error: 'example link names no example: expected #example/<id>, got "#example/"' });
  });

  it("says an unrelated hash is not a share link", () => {
    expect(parseShareHash("#intro")).toEqual({ kind: "unknown", error: '"#intro" is not a share link: expected #v1/<payload> or #example/<id>' });
  });
});

describe("decodeSharePayload", () => {
  it("explains an empty payload", async () => {
    expect(await decodeSharePayload("")).toEqual({ ok: false, error: 'share link is empty: nothing follows "#v1/"' });
  });

  it("explains a character that is not base64url", async () => {
    expect(await decodeSharePayload("ab+c")).toEqual({
      ok: false,
      error: 'share link is damaged: character "+" at position 2 is not base64url (A-Z a-z 0-9 - _)',
    });
  });

  it("explains data that is not deflate-raw", async () => {
    expect(await decodeSharePayload(toBase64Url(Uint8Array.from([1, 2, 3, 4, 5])))).toEqual({
      ok: false,
      error: "share link is damaged: its data does not decompress (was the link cut short when copied?)",
    });
  });

  it("explains a link cut short", async () => {
    const payload = await encodeSharePayload(snippet);
    expect(await decodeSharePayload(payload.slice(0, payload.length - 8))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^share link is damaged: /),
    });
  });

  it("explains data that is not UTF-8", async () => {
    expect(await decodeSharePayload(await deflated(Uint8Array.from([0x7b, 0xff, 0x7d])))).toEqual({
      ok: false,
      error: "share link is damaged: its data is not UTF-8 text",
    });
  });

  it("explains text that is not JSON, with where it goes wrong", async () => {
    expect(await decodeSharePayload(await deflated('{"files": {'))).toEqual({
      ok: false,
      error: "share link does not hold JSON: JSON syntax error at line 1, column 12: unexpected end of input: expected a property name in double quotes",
    });
  });

  it("explains JSON that is not a valid snippet, naming the field", async () => {
    const bad = { ...snippet, script: [{ at: 0, actoin: "recompile" }] };
    expect(await decodeSharePayload(await deflated(JSON.stringify(bad)))).toEqual({
      ok: false,
      error: 'share link holds an invalid snippet: script[0]: unknown key "actoin"',
    });
  });

  it("refuses a small link that would expand past the size limit", async () => {
    const payload = await deflated(new Uint8Array(MAX_DECODED_BYTES + 1).fill(0x20));
    expect(payload.length).toBeLessThan(20_000);
    expect(await decodeSharePayload(payload)).toEqual({
      ok: false,
      error: `share link is too large: it expands to more than ${MAX_DECODED_BYTES} bytes`,
    });
  });

  it("never throws, and explains every corrupted payload", async () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const valid = await encodeSharePayload(snippet);
    let seed = 1;
    const random = (n: number) => ((seed = (seed * 48271) % 2147483647) % n);
    for (let i = 0; i < 300; i++) {
      const chars = [...valid];
      for (let k = 0; k < 1 + random(4); k++) chars[random(chars.length)] = alphabet[random(64)];
      const result = await decodeSharePayload(chars.join("").slice(0, chars.length - random(3)));
      if (!result.ok) expect(result.error).toMatch(/^share link /);
    }
  });
});
