import { describe, expect, it } from "vitest";
import { readableReason } from "./format";

describe("readableReason", () => {
  it("reads an error as Name: message, and a failed call's exit as what failed in which call", () => {
    expect(readableReason('[%RangeError{message: "bad state"}, #Stacktrace<Srv.ts:6>]')).toBe("RangeError: bad state");
    expect(readableReason('["timeout", ["GenServer", "call", ["slow", 2000, 1000]]]')).toBe('timeout in GenServer.call("slow", 2000, 1000)');
    expect(readableReason('["noproc", ["sys", "get_state", ["nobody"]]]')).toBe('noproc in sys.get_state("nobody")');
    expect(readableReason("boom")).toBe("boom");
  });
});
