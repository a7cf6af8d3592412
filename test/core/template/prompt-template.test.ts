import { describe, expect, it } from "vitest";
import { createPromptTemplate } from "../../../src/core/template/create-prompt-template.js";
import { ColloquyError } from "../../../src/core/errors.js";
import type { Message } from "../../../src/core/model/message.js";

const texts = (messages: Message[]) =>
  messages.map((m) => [m.role, m.parts.map((p) => (p.type === "text" ? p.text : "")).join("")]);

describe("createPromptTemplate", () => {
  it("fills a text template and lists its variables in order", () => {
    const prompt = createPromptTemplate("Tell me about {topic} in {count} words, {topic} first.");
    expect(prompt.inputVariables).toEqual(["topic", "count"]);
    expect(prompt.formatText({ topic: "owls", count: 10 })).toBe(
      "Tell me about owls in 10 words, owls first.",
    );
    expect(texts(prompt.format({ topic: "owls", count: 10 }))).toEqual([
      ["user", "Tell me about owls in 10 words, owls first."],
    ]);
  });

  it("treats {{ and }} as literal braces", () => {
    const prompt = createPromptTemplate('Reply as {{"name": "{name}"}}');
    expect(prompt.inputVariables).toEqual(["name"]);
    expect(prompt.formatText({ name: "Ada" })).toBe('Reply as {"name": "Ada"}');
  });

  it("names a missing variable", () => {
    const prompt = createPromptTemplate("Hi {name}");
    expect(() => prompt.formatText({} as { name: string })).toThrowError(
      /Missing value for template variable "name"/,
    );
  });

  it("rejects unbalanced braces", () => {
    expect(() => createPromptTemplate("Hi {name")).toThrowError(ColloquyError);
    expect(() => createPromptTemplate("Hi name}")).toThrowError(/without a matching/);
  });

  it("formats a messages template with shorthand roles", () => {
    const prompt = createPromptTemplate([
      ["system", "You are {role}."],
      ["human", "{question}"],
    ]);
    expect(prompt.inputVariables).toEqual(["role", "question"]);
    expect(texts(prompt.format({ role: "a pirate", question: "Where is the gold?" }))).toEqual([
      ["system", "You are a pirate."],
      ["user", "Where is the gold?"],
    ]);
  });

  it("inserts a conversation at a placeholder", () => {
    const prompt = createPromptTemplate([
      ["system", "Be {tone}."],
      ["placeholder", "{history}"],
      ["user", "{question}"],
    ]);
    const messages = prompt.format({
      tone: "brief",
      history: [
        ["user", "Hi"],
        ["ai", "Hello!"],
      ],
      question: "And now?",
    });
    expect(texts(messages)).toEqual([
      ["system", "Be brief."],
      ["user", "Hi"],
      ["assistant", "Hello!"],
      ["user", "And now?"],
    ]);
    expect(texts(prompt.format({ tone: "brief", history: [], question: "x" }))).toHaveLength(2);
  });
});
