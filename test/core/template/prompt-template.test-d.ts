import { describe, expectTypeOf, it } from "vitest";
import { createPromptTemplate } from "../../../src/core/template/create-prompt-template.js";
import type { TemplateVariables } from "../../../src/core/template/types.js";

describe("template types", () => {
  it("infers variable names from the literal", () => {
    expectTypeOf<TemplateVariables<"Hi {name}, {{literal}} {age}">>().toEqualTypeOf<
      "name" | "age"
    >();
    const prompt = createPromptTemplate("Hi {name}");
    expectTypeOf(prompt.inputVariables).toEqualTypeOf<readonly "name"[]>();
    prompt.formatText({ name: "Ada" });
    // @ts-expect-error a missing variable is a compile error
    prompt.formatText({});
  });

  it("infers across message lines, placeholders take conversations", () => {
    const prompt = createPromptTemplate([
      ["system", "You are {role}"],
      ["placeholder", "{history}"],
      ["user", "{question}"],
    ]);
    expectTypeOf(prompt.inputVariables).toEqualTypeOf<
      readonly ("role" | "history" | "question")[]
    >();
    prompt.format({ role: "x", question: "y", history: [["user", "hi"]] });
    // @ts-expect-error question is required
    prompt.format({ role: "x", history: [] });
  });
});
