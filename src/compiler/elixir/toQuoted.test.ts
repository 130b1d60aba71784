import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { initNodeElixirParser } from "./nodeParser";
import { parseElixir } from "./parser";
import { toQuoted } from "./toQuoted";
import { type Term, toTerm } from "./quoted";

const dir = join(__dirname, "testdata");
const recorded = JSON.parse(readFileSync(join(dir, "quoted.json"), "utf8")) as Record<string, Term>;

beforeAll(async () => {
  await initNodeElixirParser();
});

describe("the quoted AST of each corpus file is what the real Code.string_to_quoted gave", () => {
  for (const file of readdirSync(join(dir, "corpus")).filter((f) => f.endsWith(".ex")).sort()) {
    it(file, () => {
      const source = readFileSync(join(dir, "corpus", file), "utf8");
      const ours = toTerm(toQuoted(parseElixir(source).rootNode));
      expect(recorded[file], `${file} has no recording: run elixir scripts/record-elixir-quoted.exs`).toBeDefined();
      expect(ours).toEqual(recorded[file]);
    });
  }
});
