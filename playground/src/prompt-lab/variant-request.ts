import {
  createPromptTemplate,
  type Message,
  type RequestParams,
  type ToolInput,
} from "../../../src/core/index.js";
import type { LabConfig, VariantConfig } from "./lab-config.js";

/** A variant as request parameters, or why it cannot be sent. */
export type VariantParams = { ok: true; params: RequestParams } | { ok: false; error: string };

function parseJson(
  text: string,
  what: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      error: `${what} is not valid JSON (${(error as Error).message}). Fix it or clear the field.`,
    };
  }
}

/** The variables used by the prompt's system and user templates, in first-use order. */
export function promptVariables(config: Pick<LabConfig, "system" | "user">): string[] {
  const names = [
    ...createPromptTemplate(config.system).inputVariables,
    ...createPromptTemplate(config.user).inputVariables,
  ];
  return [...new Set(names)];
}

/** The conversation for one row of inputs: the filled system prompt and user message. */
export function rowMessages(
  config: Pick<LabConfig, "system" | "user">,
  row: Record<string, string>,
): Message[] {
  const values = Object.fromEntries(promptVariables(config).map((name) => [name, row[name] ?? ""]));
  const lines: (readonly ["system" | "user", string])[] = [];
  if (config.system.trim()) lines.push(["system", config.system]);
  lines.push(["user", config.user]);
  return createPromptTemplate(lines).format(values);
}

/** Turns a variant's settings into request parameters, checking its JSON fields. */
export function variantParams(variant: VariantConfig): VariantParams {
  const tools: ToolInput[] = [];
  if (variant.tools.webSearch) tools.push({ type: "web_search" });
  if (variant.tools.imageGeneration) tools.push({ type: "image_generation", partial_images: 1 });
  if (variant.tools.codeInterpreter)
    tools.push({ type: "code_interpreter", container: { type: "auto" } });
  if (variant.functionTools.trim()) {
    const parsed = parseJson(variant.functionTools, "Function tools");
    if (!parsed.ok) return parsed;
    if (!Array.isArray(parsed.value))
      return { ok: false, error: "Function tools must be a JSON array of function tool objects." };
    tools.push(...(parsed.value as ToolInput[]));
  }
  const params: RequestParams = { model: variant.model };
  if (tools.length > 0) params.tools = tools;
  if (variant.temperature !== undefined) params.temperature = variant.temperature;
  if (variant.maxTokens !== undefined) params.maxTokens = variant.maxTokens;
  if (variant.reasoningEffort || variant.reasoningSummary) {
    params.reasoning = {
      ...(variant.reasoningEffort ? { effort: variant.reasoningEffort } : {}),
      ...(variant.reasoningSummary ? { summary: variant.reasoningSummary } : {}),
    };
  }
  if (variant.serviceTier) params.serviceTier = variant.serviceTier;
  if (variant.jsonSchema.trim()) {
    const parsed = parseJson(variant.jsonSchema, "The structured-output schema");
    if (!parsed.ok) return parsed;
    params.responseFormat = {
      type: "json_schema",
      name: "output",
      schema: parsed.value as Record<string, unknown>,
      strict: true,
    };
  }
  return { ok: true, params };
}
