/**
 * Reads esbuild's source maps (version 3, VLQ mappings) to turn a position in the compiled
 * code back into the editor's line and column.
 */
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** Per generated line: [generatedColumn, sourceLine, sourceColumn] sorted by column (all 0-based). */
export type LineMappings = Array<Array<[number, number, number]>>;

export function decodeMappings(mappings: string): LineMappings {
  const lines: LineMappings = [];
  let srcLine = 0, srcCol = 0, src = 0;
  for (const lineText of mappings.split(";")) {
    const segments: Array<[number, number, number]> = [];
    let genCol = 0;
    for (const seg of lineText.split(",")) {
      if (!seg) continue;
      const v = decodeVlq(seg);
      genCol += v[0];
      if (v.length >= 4) {
        src += v[1];
        srcLine += v[2];
        srcCol += v[3];
        segments.push([genCol, srcLine, srcCol]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(seg: string): number[] {
  const out: number[] = [];
  let value = 0, shift = 0;
  for (const ch of seg) {
    const digit = DIGIT.get(ch);
    if (digit === undefined) throw new Error(`bad source map character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** The source position (0-based line and column) for a generated one, or null. */
export function lookup(lines: LineMappings, line: number, column: number): { line: number; column: number } | null {
  const segments = lines[line];
  if (!segments || !segments.length) return null;
  let best = segments[0];
  for (const s of segments) {
    if (s[0] > column) break;
    best = s;
  }
  return { line: best[1], column: best[2] };
}
