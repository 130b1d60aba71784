import { describe, expect, it } from "vitest";
import { readUrlOptions } from "./urlOptions";

describe("readUrlOptions", () => {
  it("has defaults for a bare URL", () => {
    expect(readUrlOptions("")).toEqual({ autoplay: false, speed: 1, embed: false, readOnly: false, theme: null, messages: null });
  });

  it("reads every option, clamps speed, and makes an embed read-only", () => {
    expect(readUrlOptions("?autoplay=1&speed=500&embed=1&theme=light&messages=1")).toEqual({
      autoplay: true, speed: 100, embed: true, readOnly: true, theme: "light", messages: true,
    });
  });

  it("takes 0 and false as off, and ignores values it does not know", () => {
    expect(readUrlOptions("?messages=0&autoplay=false&speed=abc&theme=blue")).toMatchObject({ messages: false, autoplay: false, speed: 1, theme: null });
  });
});
