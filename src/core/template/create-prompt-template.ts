import { toMessages } from "../convert/to-messages.js";
import { ColloquyError } from "../errors.js";
import type { Message } from "../model/message.js";
import type { ChatInput } from "../client/types.js";
import {
  fillTemplate,
  parseTemplate,
  variablesOf,
  type TemplateSegment,
} from "./parse-template.js";
import type {
  MessagesTemplateVariables,
  MessageTemplateEntry,
  PlaceholderVariables,
  PromptTemplate,
  TemplateVariables,
  TextPromptTemplate,
} from "./types.js";

/**
 * Creates a prompt template. A string makes a one-message template; a list of
 * `[role, template]` lines makes a conversation, with `["placeholder", "{history}"]` lines
 * where a list of messages goes. Variable names are inferred from string literals, so
 * `format` is checked at compile time; a missing value is a runtime error naming it.
 *
 * @example
 * const prompt = createPromptTemplate([["system", "You are {role}"], ["user", "{question}"]]);
 * prompt.format({ role: "a pirate", question: "Where is the gold?" });
 */
export function createPromptTemplate<const S extends string>(
  template: S,
): TextPromptTemplate<TemplateVariables<S>>;
export function createPromptTemplate<const T extends readonly MessageTemplateEntry[]>(
  template: T,
): PromptTemplate<MessagesTemplateVariables<T>, PlaceholderVariables<T>>;
export function createPromptTemplate(
  template: string | readonly MessageTemplateEntry[],
): PromptTemplate<string, string> | TextPromptTemplate<string> {
  if (typeof template === "string") {
    const segments = parseTemplate(template);
    const formatText = (values: Record<string, unknown>) => fillTemplate(segments, values);
    return {
      inputVariables: variablesOf(segments),
      formatText,
      format: (values) => toMessages(formatText(values)),
    };
  }
  const lines = template.map(([role, text], index) => {
    const segments = parseTemplate(text);
    if (role !== "placeholder") return { role, segments };
    const only = segments.length === 1 ? segments[0]! : undefined;
    if (!only || !("variable" in only)) {
      throw new ColloquyError(
        "invalid_input",
        `Template line ${index}: a placeholder must be exactly one variable, like ["placeholder", "{history}"].`,
      );
    }
    return { role, segments, placeholder: only.variable };
  });
  const inputVariables = variablesOf(lines.flatMap((line): TemplateSegment[] => line.segments));
  return {
    inputVariables,
    format: (values: Record<string, unknown>): Message[] =>
      lines.flatMap((line) => {
        if (line.placeholder !== undefined) {
          const value = values[line.placeholder];
          if (value === undefined || value === null) {
            throw new ColloquyError(
              "invalid_input",
              `Missing value for template placeholder "${line.placeholder}": pass a list of messages (an empty list for none).`,
            );
          }
          return Array.isArray(value) && value.length === 0 ? [] : toMessages(value as ChatInput);
        }
        return toMessages([[line.role as "user", fillTemplate(line.segments, values)]]);
      }),
  };
}
