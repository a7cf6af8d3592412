import { describe, expect, it } from "vitest";
import { DEFAULT_ALLOWED_MODELS, isModelAllowed } from "../../../src/server/policy/model-policy.js";

describe("fine-tuned models on the allowlist", () => {
  it("allows a fine-tune of a model the default list allows", () => {
    expect(
      isModelAllowed("ft:gpt-4.1-mini-2025-04-14:acme:support-bot:AbC123", DEFAULT_ALLOWED_MODELS),
    ).toBe(true);
    expect(isModelAllowed("ft:gpt-4o-mini-2024-07-18:acme::9xYz", DEFAULT_ALLOWED_MODELS)).toBe(
      true,
    );
  });

  it("refuses a fine-tune of a model the default list does not allow", () => {
    expect(isModelAllowed("ft:gpt-4o-2024-08-06:acme::9xYz", DEFAULT_ALLOWED_MODELS)).toBe(false);
    expect(isModelAllowed("ft:o3:acme::9xYz", DEFAULT_ALLOWED_MODELS)).toBe(false);
  });

  it("does not read a base model out of names that only look like fine-tunes", () => {
    expect(isModelAllowed("ft:", DEFAULT_ALLOWED_MODELS)).toBe(false);
    expect(isModelAllowed("ft:gpt-4.1-mini", DEFAULT_ALLOWED_MODELS)).toBe(false);
    expect(isModelAllowed("xft:gpt-4.1-mini:acme::1", DEFAULT_ALLOWED_MODELS)).toBe(false);
  });

  it("applies the base rule to exact names and RegExps too, but leaves predicates alone", () => {
    expect(isModelAllowed("ft:gpt-4o:acme::1", ["gpt-4o"])).toBe(true);
    expect(isModelAllowed("ft:gpt-4o:acme::1", [/^gpt-4o$/])).toBe(true);
    expect(isModelAllowed("ft:gpt-4o:acme::1", (model) => model === "gpt-4o")).toBe(false);
  });
});
