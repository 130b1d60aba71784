import { describe, expect, it } from "vitest";
import { runSnippet } from "../session/testing";

const HEADER = `import { spawn, log, self, receive, Process } from "otp";\n`;

/** Runs `body` as Main.ts (its `start()` logs what each attempt got) and returns the log texts and crashes. */
async function attempt(body: string, until = 100) {
  const h = await runSnippet({ "Main.ts": HEADER + body }, { until });
  return { h, texts: h.texts(), crashes: h.exits(true), compile: h.of("compile_error").map((e) => e.message) };
}

/** A `try` that logs the error's message instead of the value (each line says which attempt). */
const tryLog = (label: string, expr: string) =>
  `try { log("${label}", String(${expr})); } catch (e) { log("${label} refused:", String((e as Error).message)); }`;

describe("the sandbox user code runs in", () => {
  it("gives no path to the host's global: Function, eval and every function's constructor refuse", async () => {
    const { texts } = await attempt(`export function start() {
      ${tryLog("Function", `Function("return this")()`)}
      ${tryLog("eval", `(0, eval)("globalThis")`)}
      ${tryLog("constructor", `(function () {}).constructor("return globalThis")()`)}
      ${tryLog("async constructor", `(async function () {}).constructor("return 1")`)}
      ${tryLog("generator constructor", `(function* () {}).constructor("return 1")`)}
      ${tryLog("api constructor", `(log as any).constructor("return this")()`)}
    }`);
    expect(texts).toHaveLength(6);
    for (const line of texts) expect(line).toMatch(/refused:/);
    expect(texts[0]).toContain("Function constructor is not available in the playground");
  });

  it("has none of the host's capabilities on its global", async () => {
    const names = ["process", "require", "fetch", "postMessage", "onmessage", "setTimeout", "setInterval", "queueMicrotask", "navigator", "FontFace", "WebSocket", "WebSocketStream", "importScripts", "XMLHttpRequest", "Worker", "WebAssembly", "SharedArrayBuffer", "caches", "indexedDB"];
    const { texts } = await attempt(`export function start() {
      const g = globalThis as any;
      // Absent, or a stand-in that only says why (\`fetch is not available in the playground: …\`).
      const refuses = (n: string) => { try { g[n](); } catch (e) { return /is not available in the playground/.test((e as Error).message); } return false; };
      log(${JSON.stringify(names)}.filter((n) => g[n] !== undefined && !refuses(n)).join(",") || "none");
      log(typeof (globalThis as any).getBuiltinModule, typeof (Object as any).getBuiltinModule);
    }`);
    expect(texts).toEqual(["none", "undefined undefined"]);
  });

  it("hands out a `require` that knows only otp and the snippet's modules", async () => {
    const { texts } = await attempt(`declare const require: any;
      export function start() { require("child_process").execSync("touch /tmp/pwned-by-snippet"); }`);
    expect(texts.join("\n")).toContain("function child_process.execSync/1 is undefined or private");
  });

  it("freezes shared prototypes and the runtime's classes, so nothing leaks into the next Run", async () => {
    const { texts } = await attempt(`export function start() {
      ${tryLog("Array.prototype", `(Array.prototype.push = (() => 0) as any)`)}
      ${tryLog("Object.prototype", `((Object.prototype as any).then = () => 0)`)}
      ${tryLog("pid prototype", `(Object.getPrototypeOf(self()).toString = () => "forged")`)}
      ${tryLog("otp api", `((Process as any).send = () => 0)`)}
    }`);
    for (const line of texts) expect(line).toMatch(/refused:/);
    const next = await attempt(`export function start() { const a: number[] = []; a.push(1); log(String(a.length), String(self())); }`);
    expect(next.texts).toEqual(["1 #PID<0.100.0>"]);
  });

  it("starts each Run with a clean global", async () => {
    await attempt(`export function start() { (globalThis as any).leftBehind = 42; }`);
    const { texts } = await attempt(`export function start() { log(String((globalThis as any).leftBehind)); }`);
    expect(texts).toEqual(["undefined"]);
  });

  it("keeps runs deterministic: Math.random and Date.now are not there", async () => {
    const { texts } = await attempt(`export function start() {
      ${tryLog("random", "Math.random()")}
      ${tryLog("now", "Date.now()")}
    }`);
    expect(texts).toHaveLength(2);
    for (const line of texts) expect(line).toMatch(/refused:/);
  });

  it("refuses import() and code that names the guard's helpers, with the line", async () => {
    const dyn = await attempt(`export async function start() { await import("https://example.com/x.js"); }`);
    expect(dyn.compile.join("")).toMatch(/import\(\) is not available/);
    for (const body of ["__budget = Math.abs;", "const __rethrow = (e: unknown) => {};", "let __killing = () => false;"]) {
      const r = await attempt(`declare let __budget: any;\nexport function start() {\n  ${body}\n}`);
      expect(r.compile.join("")).toMatch(/is a name the playground keeps for its runaway guard/);
      expect(r.h.of("compile_error")[0].line).toBe(4);
    }
  });

  it("runs text that only looks like an HTML comment or an import in its strings unchanged", async () => {
    const { texts, compile } = await attempt(`export function start() { log("a --> b <!-- c", \`import(x)\`, String(/-->/.test("1 --> 2"))); }`);
    expect(compile).toEqual([]);
    expect(texts).toEqual(["a --> b <!-- c import(x) true"]);
  });

  it("lets no catch, however written, swallow the runaway guard", async () => {
    for (const handler of [
      "while (true) { try { while (true) {} } catch ({}) {} }",
      "while (true) { try { while (true) {} } catch ([e]) {} }",
      "while (true) { try { while (true) {} } catch ({ message = (() => { for (;;) {} })() }) {} }",
      "while (true) { try { while (true) {} } catch {} }",
    ]) {
      const { crashes } = await attempt(`export function start() { spawn(() => { ${handler} }); }`);
      expect(crashes.join("\n"), handler).toMatch(/runaway: ran 10 million steps without waiting/);
    }
  });

  it("stops an iterator's return() that would keep a killed process running", async () => {
    const { crashes } = await attempt(`export function start() {
      spawn(() => {
        const iter = { [Symbol.iterator]() { return { next: () => ({ done: false, value: 1 }), return() { while (true) {} } }; } };
        for (const _ of iter as any) { while (true) {} }
      });
    }`);
    expect(crashes.join("\n")).toMatch(/runaway/);
  });

  it("ends a microtask chain at its first step outside a process instead of starving the host", async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    const { h, texts } = await attempt(`export function start() {
      let hops = 0;
      const f = (): unknown => { hops++; return Promise.resolve().then(f); };
      f();
      spawn(async () => { await Process.sleep(10); log("still on time", String(hops)); });
    }`);
    // Let the host's event loop turn: a live chain would never let this timeout fire.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await h.advanceTo(50);
    process.off("unhandledRejection", onRejection);
    expect(texts.concat(h.texts().slice(texts.length))).toContain("still on time 1");
    expect(String(rejections[0])).toMatch(/user code cannot run outside a process/);
  });
});
