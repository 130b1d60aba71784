/**
 * JSON parsing that says where a syntax error is.
 *
 * `JSON.parse` does the parsing. Its messages differ by engine, and V8's often carry no position
 * at all (`Unexpected token ']', "[1,]" is not valid JSON`), so on failure a small scanner re-reads
 * the text to find the first bad character. Locations are 1-based, as esbuild reports them; the
 * column counts UTF-16 code units, as editors (Monaco) do.
 */

export type JsonLocation = { line: number; column: number };

export type JsonResult =
  | { ok: true; value: unknown }
  | { ok: false; error: string; location?: JsonLocation };

export function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const found = findSyntaxError(text);
    // The scanner and JSON.parse should always agree; if not, the engine's message is all we have.
    if (found === undefined) return { ok: false, error: `JSON syntax error: ${(e as Error).message}` };
    const location = locationAt(text, found.offset);
    return {
      ok: false,
      error: `JSON syntax error at line ${location.line}, column ${location.column}: ${found.message}`,
      location,
    };
  }
}

function locationAt(text: string, offset: number): JsonLocation {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

class Stop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** The offset and a short description of the first syntax error, or undefined if none is found. */
function findSyntaxError(text: string): Stop | undefined {
  let i = 0;
  const stop = (message: string, at = i): never => {
    throw new Stop(at, message);
  };
  const here = () => (i >= text.length ? "unexpected end of input" : `unexpected ${JSON.stringify(text[i])}`);
  const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
  const skipSpace = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const digits = (after: string) => {
    if (!isDigit(text[i])) stop(`${here()}: expected a digit${after}`);
    while (isDigit(text[i])) i++;
  };

  function value(): void {
    skipSpace();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    if (c === "-" || isDigit(c)) return number();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    stop(`${here()}: expected a value`);
  }

  function object(): void {
    i++;
    skipSpace();
    if (text[i] === "}") return void i++;
    for (;;) {
      skipSpace();
      if (text[i] !== '"') stop(`${here()}: expected a property name in double quotes`);
      string();
      skipSpace();
      if (text[i] !== ":") stop(`${here()}: expected ":"`);
      i++;
      value();
      skipSpace();
      if (text[i] === "}") return void i++;
      if (text[i] !== ",") stop(`${here()}: expected "," or "}"`);
      i++;
    }
  }

  function array(): void {
    i++;
    skipSpace();
    if (text[i] === "]") return void i++;
    for (;;) {
      value();
      skipSpace();
      if (text[i] === "]") return void i++;
      if (text[i] !== ",") stop(`${here()}: expected "," or "]"`);
      i++;
    }
  }

  function string(): void {
    const start = i++;
    for (;;) {
      if (i >= text.length) stop("unterminated string", start);
      const code = text.charCodeAt(i);
      if (code === 0x22) return void i++;
      if (code < 0x20) stop("control character in a string: write it as an escape such as \\n");
      if (code !== 0x5c) {
        i++;
      } else if (text[i + 1] === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) stop("bad \\u escape: expected four hex digits");
        i += 6;
      } else if (i + 1 < text.length && '"\\/bfnrt'.includes(text[i + 1])) {
        i += 2;
      } else {
        stop("bad escape in a string");
      }
    }
  }

  function number(): void {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else digits("");
    if (text[i] === ".") {
      i++;
      digits(' after "."');
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits(" in the exponent");
    }
  }

  try {
    value();
    skipSpace();
    if (i < text.length) stop(`${here()} after the JSON value`);
    return undefined;
  } catch (e) {
    // Anything but a Stop is a stack overflow on absurd nesting: no location then.
    return e instanceof Stop ? e : undefined;
  }
}
