import { describe, expect, it } from "vitest";
import { parseJson } from "./json";

describe("parseJson", () => {
  it("returns the value JSON.parse gives", () => {
    expect(parseJson(' {"a": [1, -2.5e3, true, null, "\\u00e9\\n"]} ')).toEqual({ ok: true, value: { a: [1, -2500, true, null, "é\n"] } });
  });

  const errors: [string, string, string][] = [
    ["empty text", "", "line 1, column 1: unexpected end of input: expected a value"],
    ["a trailing comma in an array", "[1,]", 'line 1, column 4: unexpected "]": expected a value'],
    ["a missing comma on a later line", '{\n  "a": 1\n  "b": 2\n}', 'line 3, column 3: unexpected "\\"": expected "," or "}"'],
    ["an unquoted property name", "{a: 1}", 'line 1, column 2: unexpected "a": expected a property name in double quotes'],
    ["a misspelt literal", '{"a": tru}', 'line 1, column 7: unexpected "t": expected a value'],
    ["an unterminated string", '{"a": "abc', "line 1, column 7: unterminated string"],
    ["a raw newline in a string", '"a\nb"', "line 1, column 3: control character in a string: write it as an escape such as \\n"],
    ["a bad escape", '"\\x41"', "line 1, column 2: bad escape in a string"],
    ["a short \\u escape", '"\\u12"', "line 1, column 2: bad \\u escape: expected four hex digits"],
    ["a fraction without digits", "1.", 'line 1, column 3: unexpected end of input: expected a digit after "."'],
    ["text after the value", '{"a": 1} x', 'line 1, column 10: unexpected "x" after the JSON value'],
    ["a byte-order mark", "\uFEFF{}", 'line 1, column 1: unexpected "\uFEFF": expected a value'],
  ];

  it.each(errors)("locates %s", (_name, text, where) => {
    const result = parseJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(`JSON syntax error at ${where}`);
  });

  it("agrees with JSON.parse on every one-character corruption of a document", () => {
    const doc = JSON.stringify({ a: [1, -0.5, "x\\y", { b: null, c: true }], d: "é" }, null, 1);
    for (let i = 0; i <= doc.length; i++) {
      for (const c of ['"', ",", "}", "]", "{", "[", "0", "-", "e", ".", "\\", " ", "\n", ""]) {
        const text = doc.slice(0, i) + c + doc.slice(i + 1);
        let ok = true;
        try {
          JSON.parse(text);
        } catch {
          ok = false;
        }
        const result = parseJson(text);
        expect(result.ok, text).toBe(ok);
        if (!result.ok) expect(result.location, text).toBeDefined();
      }
    }
  });

  it("gives no location, but no exception, for nesting too deep to scan", () => {
    const result = parseJson("[".repeat(200_000));
    expect(result).toMatchObject({ ok: false });
  });
});
