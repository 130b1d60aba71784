/** The CLI's plain output: one line per log line (`<t>ms <pid> <text>`), plus runtime reports. */
import type { TraceEvent } from "../runtime/events";

export function formatEvent(e: TraceEvent): string | null {
  const t = `${e.t}ms`;
  switch (e.type) {
    case "log":
      return e.prompt === undefined ? `${t} ${e.pid} ${e.text}` : `${t} ${e.pid} ${e.prompt} ${e.text}`;
    case "exit":
      if (e.reason === '"normal"' || e.reason === ":normal") return null;
      return `${t} ${e.pid} exited: ${e.reason}${e.stack?.length ? `  at ${e.stack.map(frameText).join(" < ")}` : ""}`;
    case "load":
      return `${t} load ${e.module} vsn ${e.vsn}${e.previous ? ` (previous ${e.previous} is now old)` : ""}`;
    case "purge":
      return `${t} purge ${e.module} vsn ${e.vsn}${e.killed.length ? `, killed ${e.killed.join(", ")}` : ""}`;
    case "code_change":
      return `${t} ${e.pid} code_change ${e.module} from vsn ${e.old_vsn}: ${e.result}`;
    case "compile_error":
      return `${e.file}:${e.line}:${e.column}: error: ${e.message}`;
    case "say":
      return `${t} say: ${e.text}`;
    case "action":
      return e.ok ? `${t} ${e.action}: loaded ${e.loaded.join(", ") || "nothing"}` : `${t} ${e.action} failed: ${e.message ?? ""}`;
    case "poke":
      return `${t} ${e.pid} ${e.what}${e.term !== undefined ? ` ${e.term}` : ""} from the ${e.by}`;
    case "warning":
      return `${t} ${e.pid} warning: ${e.text}`;
    case "check":
      return e.ok ? `${t} check ✓ ${e.say}` : `${t} check ✗ ${e.say} (expected ${e.expected}, got ${e.got})`;
    default:
      return null;
  }
}

/** `file:line`, and for an Elixir frame the function as Elixir's stacktraces name it (`Counter.handle_info/2`). */
function frameText(f: { file: string; line: number; fn?: string; module?: string }): string {
  return f.module && f.fn ? `${f.file}:${f.line}: ${f.module}.${f.fn}` : `${f.file}:${f.line}`;
}
