import { describe, expect, it } from "vitest";
import { allExchanges, capturesAvailable } from "../support/captures.js";

describe("recordings", () => {
  it("are present and readable in every format", () => {
    if (!capturesAvailable()) return;
    expect(allExchanges("responses").length).toBeGreaterThan(100);
    expect(allExchanges("chat").length).toBeGreaterThan(30);
  });
});
