import type { ChatInput } from "../client/types.js";
import type { Message, Role } from "../model/message.js";

/** The `{variable}` names in a template string literal (`{{` and `}}` are escapes). */
export type TemplateVariables<S extends string> = string extends S
  ? string
  : S extends `${string}{${infer After}`
    ? After extends `{${infer Rest}`
      ? TemplateVariables<Rest>
      : After extends `${infer Name}}${infer Rest}`
        ? Name | TemplateVariables<Rest>
        : never
    : never;

/** Roles a message template line can have (shorthand words included). */
export type TemplateRole = Role | "human" | "ai";

/**
 * One line of a messages template: `[role, template]`, or `["placeholder", "{name}"]` where
 * a list of messages (e.g. the history) is inserted.
 */
export type MessageTemplateEntry = readonly [TemplateRole | "placeholder", string];

/** The variables of every line of a messages template. */
export type MessagesTemplateVariables<T extends readonly MessageTemplateEntry[]> = {
  [K in keyof T]: T[K] extends readonly [string, infer S extends string]
    ? TemplateVariables<S>
    : never;
}[number];

/** Names of placeholder lines (their values are conversations, not text). */
export type PlaceholderVariables<T extends readonly MessageTemplateEntry[]> = {
  [K in keyof T]: T[K] extends readonly ["placeholder", infer S extends string]
    ? TemplateVariables<S>
    : never;
}[number];

/** A value a text variable accepts (non-strings are written as JSON). */
export type TemplateValue = string | number | boolean | Record<string, unknown> | unknown[];

/** The values `format` needs: every text variable, and conversations for placeholders. */
export type TemplateValues<Vars extends string, Placeholders extends string = never> = [
  Vars,
] extends [never]
  ? Record<string, never>
  : string extends Vars
    ? Record<string, TemplateValue | ChatInput>
    : { [K in Exclude<Vars, Placeholders>]: TemplateValue } & {
        [K in Placeholders]: ChatInput;
      };

/** A template that formats to messages. */
export interface PromptTemplate<Vars extends string = string, Placeholders extends string = never> {
  /** The variable names, in first-use order. */
  readonly inputVariables: readonly Vars[];
  /** Fills the variables and returns the messages. */
  format(values: TemplateValues<Vars, Placeholders>): Message[];
}

/** A single-text template: `format` gives one user message, `formatText` the string. */
export interface TextPromptTemplate<Vars extends string = string> extends PromptTemplate<Vars> {
  /** Fills the variables and returns the text. */
  formatText(values: TemplateValues<Vars>): string;
}
