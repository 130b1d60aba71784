/**
 * Share links (SPEC §6): `#v1/<payload>`, where payload = base64url, no padding, of the
 * deflate-raw compression of the snippet's UTF-8 JSON.
 *
 * The prefix versions the format: a later format gets a new prefix and `parseShareHash` goes on
 * reading `v1`. Decoding never throws: a damaged link becomes a message, and the caller keeps the
 * user's draft. Only web-platform globals are used (CompressionStream, TextEncoder), so the same
 * code runs in the browser and in Node 20; the hash is passed in, never read from `location`.
 */
import { fromBase64Url, toBase64Url } from "./base64url";
import { parseJson } from "./json";
import { parseSnippet } from "./snippet";
import type { Snippet } from "./snippetTypes";

export type ShareHash =
  | { kind: "none" }
  | { kind: "v1"; payload: string }
  | { kind: "example"; id: string }
  | { kind: "unknown"; error: string };

export type DecodeResult = { ok: true; snippet: Snippet } | { ok: false; error: string };

/**
 * Far above any real snippet. Deflate reaches ~1000:1, so without a limit a link of a few
 * kilobytes could expand to gigabytes and hang the tab.
 */
export const MAX_DECODED_BYTES = 4 * 1024 * 1024;

/** An example id, optionally with a language suffix: `seed-recompile`, `seed-recompile/ts`. */
const EXAMPLE_ID = /^[A-Za-z0-9_.-]+(\/[a-z]+)?$/;

export async function encodeSharePayload(snippet: Snippet): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(snippet));
  return toBase64Url(await readAll(streamOf(json).pipeThrough(new CompressionStream("deflate-raw")), Infinity));
}

export async function shareHash(snippet: Snippet): Promise<string> {
  return `#v1/${await encodeSharePayload(snippet)}`;
}

/** Reads `location.hash` (with or without its "#"); says which kind of link it is. */
export function parseShareHash(hash: string): ShareHash {
  const body = hash.startsWith("#") ? hash.slice(1) : hash;
  if (body === "") return { kind: "none" };
  const slash = body.indexOf("/");
  const prefix = slash < 0 ? body : body.slice(0, slash);
  const rest = slash < 0 ? "" : body.slice(slash + 1);
  if (prefix === "v1" && slash >= 0) return { kind: "v1", payload: rest };
  if (prefix === "example" && slash >= 0) {
    return EXAMPLE_ID.test(rest)
      ? { kind: "example", id: rest }
      : { kind: "unknown", error: `example link names no example: expected #example/<id>, got ${describe(body)}` };
  }
  if (/^v\d+$/.test(prefix))
    return { kind: "unknown", error: `share link format "${prefix}" is not one this playground reads (it reads v1)` };
  return { kind: "unknown", error: `${describe(body)} is not a share link: expected #v1/<payload> or #example/<id>` };
}

export async function decodeSharePayload(payload: string): Promise<DecodeResult> {
  const failed = (error: string): DecodeResult => ({ ok: false, error });
  if (payload === "") return failed('share link is empty: nothing follows "#v1/"');
  const decoded = fromBase64Url(payload);
  if (!decoded.ok) return failed(`share link is damaged: ${decoded.error}`);
  let bytes: Uint8Array;
  try {
    bytes = await readAll(streamOf(decoded.bytes).pipeThrough(new DecompressionStream("deflate-raw")), MAX_DECODED_BYTES);
  } catch (e) {
    if (e instanceof TooLarge) return failed(`share link is too large: it expands to more than ${MAX_DECODED_BYTES} bytes`);
    return failed("share link is damaged: its data does not decompress (was the link cut short when copied?)");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return failed("share link is damaged: its data is not UTF-8 text");
  }
  const json = parseJson(text);
  if (!json.ok) return failed(`share link does not hold JSON: ${json.error}`);
  const parsed = parseSnippet(json.value);
  return parsed.ok ? parsed : failed(`share link holds an invalid snippet: ${parsed.error}`);
}

function describe(text: string): string {
  return JSON.stringify(`#${text.length > 40 ? `${text.slice(0, 40)}…` : text}`);
}

class TooLarge extends Error {}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** Concatenates a byte stream, giving up (and cancelling it) past `limit` bytes. */
async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
