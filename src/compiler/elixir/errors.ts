/**
 * A compile error at an Elixir line and column. The compiler throws it from deep inside and
 * the entry point turns it into a diagnostic (file, line, column, message).
 */
import { type Meta, type Quoted, metaOf } from "./quoted";

export class CompileError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

/** A compile error at the node's position (or at `fallback` when the node has none). */
export function errorAt(q: Quoted, message: string, fallback?: Meta): CompileError {
  const m = metaOf(q) ?? fallback ?? { line: 1, column: 1 };
  return new CompileError(message, m.line, m.column);
}

export function unsupported(q: Quoted, what: string, fallback?: Meta): CompileError {
  return errorAt(q, `${what} is not supported here`, fallback);
}
