/**
 * Pretty printing as Elixir 1.14's Inspect.Algebra does it (Lindig's "strictly pretty" with
 * flex breaks), for `IO.inspect` (always formatted to 80 columns) and `inspect(t, pretty:
 * true)`: lists of simple items fill lines, tuples break where they must, maps, structs and
 * keyword lists put one entry per line when they do not fit. The documents are built by
 * inspect.ts's `toDoc`; this file lays them out. Iterative, so long lists cannot overflow.
 */

export type Doc = string | null | Cons | Nest | Break | Group;
type Cons = { k: "cons"; l: Doc; r: Doc };
type Nest = { k: "nest"; d: Doc; n: number };
type Break = { k: "break"; s: string; flex: boolean };
type Group = { k: "group"; d: Doc };

export const concat = (...docs: Doc[]): Doc => docs.reduceRight((r, l) => (r === null ? l : l === null ? r : { k: "cons", l, r }), null as Doc);
export const nest = (d: Doc, n: number): Doc => (n === 0 ? d : { k: "nest", d, n });
export const group = (d: Doc): Doc => ({ k: "group", d });
export const glue = (l: Doc, s: string, r: Doc): Doc => concat(l, { k: "break", s, flex: false }, r);
export const flexGlue = (l: Doc, s: string, r: Doc): Doc => concat(l, { k: "break", s, flex: true }, r);

/** Only strings (no groups, nests or breaks): such items let a container fill its lines. */
function simple(d: Doc): boolean {
  if (d === null || typeof d === "string") return true;
  return d.k === "cons" && simple(d.l) && simple(d.r);
}

/**
 * Inspect.Algebra.container_doc: `left` items `right`, separated by `sep`. `mode` "maybe"
 * fills lines when every item is simple, "flex" always fills, "strict" breaks them all.
 */
export function containerDoc(left: string, docs: Doc[], right: string, mode: "maybe" | "flex" | "strict", sep = ","): Doc {
  if (docs.length === 0) return left + right;
  const flex = mode === "flex" || (mode === "maybe" && docs.every(simple));
  let body: Doc = docs[docs.length - 1];
  for (let i = docs.length - 2; i >= 0; i--) {
    const l = concat(docs[i], sep);
    body = flex ? flexGlue(l, " ", body) : glue(l, " ", body);
  }
  return flex ? group(concat(left, nest(body, 1), right)) : group(glue(nest(glue(left, "", body), 2), "", right));
}

/** The tail of an improper list: `left | right`. */
export function tailDoc(left: Doc, right: Doc): Doc {
  return simple(left) && simple(right) ? flexGlue(concat(left, " |"), " ", right) : glue(concat(left, " |"), " ", right);
}

const encoder = new TextEncoder();
/** Elixir measures binaries by bytes. */
const width = (s: string): number => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return encoder.encode(s).length;
  return s.length;
};

const FLAT = 0, BREAK = 1;
type Entry = [indent: number, mode: number, doc: Doc] | { tail: boolean };

/** Inspect.Algebra.fits?: whether what follows fits in `w` from column `k` up to the next possible line break. */
function fits(w: number, k: number, b: boolean, local: Entry[], outer: Entry[] | null): boolean {
  let oi = outer ? outer.length - 1 : -1;
  for (;;) {
    if (k > w && b) return false;
    let e: Entry;
    if (local.length) e = local.pop()!;
    else if (oi >= 0) e = outer![oi--];
    else return true;
    if (!Array.isArray(e)) {
      b = e.tail;
      continue;
    }
    const [i, m, d] = e;
    if (d === null) continue;
    if (typeof d === "string") {
      k += width(d);
      continue;
    }
    switch (d.k) {
      case "break":
        if (m === BREAK) return true;
        k += width(d.s);
        b = true;
        break;
      case "group":
        local.push({ tail: b }, [i, FLAT, d.d]);
        break;
      case "nest":
        local.push([i + d.n, m, d.d]);
        break;
      case "cons":
        local.push([i, m, d.r], [i, m, d.l]);
        break;
    }
  }
}

/** Inspect.Algebra.format: the document laid out in `w` columns (Infinity: on one line). */
export function format(doc: Doc, w: number): string {
  const out: string[] = [];
  const stack: Entry[] = [[0, FLAT, doc]];
  let k = 0;
  while (stack.length) {
    const [i, m, d] = stack.pop() as [number, number, Doc];
    if (d === null) continue;
    if (typeof d === "string") {
      out.push(d);
      k += width(d);
      continue;
    }
    switch (d.k) {
      case "cons":
        stack.push([i, m, d.r], [i, m, d.l]);
        break;
      case "nest":
        stack.push([i + d.n, m, d.d]);
        break;
      case "group":
        stack.push([i, w === Infinity || fits(w, k, false, [[i, FLAT, d.d]], null) ? FLAT : BREAK, d.d]);
        break;
      case "break":
        if (d.flex) {
          const k2 = k + width(d.s);
          if (w === Infinity || m === FLAT || fits(w, k2, true, [], stack)) {
            out.push(d.s);
            k = k2;
          } else {
            out.push("\n" + " ".repeat(i));
            k = i;
          }
        } else if (m === BREAK) {
          out.push("\n" + " ".repeat(i));
          k = i;
        } else {
          out.push(d.s);
          k += width(d.s);
        }
        break;
    }
  }
  return out.join("");
}
