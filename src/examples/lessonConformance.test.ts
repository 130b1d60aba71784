/**
 * Each lesson's Elixir version is also a conformance scenario recorded on the real BEAM
 * (conformance/elixir/lesson_<id>/, written by scripts/beam/lessons.ts), which
 * src/session/elixirConformance.test.ts runs through the engine line for line. This test makes
 * sure those folders are the lessons as they are now: a lesson edited without its scenario (and
 * its recording) made again fails here.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lessonScenarioName, staleLessonScenarios } from "../../scripts/beam/lessons";
import { SCENARIOS } from "../../scripts/beam/scenarios";
import { demos } from "./index";

describe("every lesson's Elixir run is recorded on the real BEAM", () => {
  it("has a scenario folder that is the lesson as it is now (npx tsx scripts/beam/lessons.ts --write, then npm run test:beam -- --write)", () => {
    expect(staleLessonScenarios()).toEqual([]);
  });

  for (const demo of demos) {
    it(`${demo.id}: ${lessonScenarioName(demo)} has its recording (expected.json)`, () => {
      expect(existsSync(join(SCENARIOS, lessonScenarioName(demo), "expected.json"))).toBe(true);
    });
  }
});
