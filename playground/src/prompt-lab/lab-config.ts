/** Which hosted tools a variant offers. */
export interface VariantTools {
  /** The web search tool. */
  webSearch: boolean;
  /** The image generation tool. */
  imageGeneration: boolean;
  /** The code interpreter tool (in an automatic container). */
  codeInterpreter: boolean;
}

/** One column of the prompt playground: a model and its settings. */
export interface VariantConfig {
  /** Stable id (React keys, results). */
  id: string;
  /** Label shown above the column. */
  name: string;
  /** The model, e.g. `gpt-4.1-mini`. */
  model: string;
  /** Which OpenAI API to call. */
  api: "responses" | "chat";
  /** Sampling temperature; empty for the model's default. */
  temperature: number | undefined;
  /** Output token cap; empty for none. */
  maxTokens: number | undefined;
  /** Reasoning effort (reasoning models only); empty to leave out. */
  reasoningEffort: "" | "minimal" | "low" | "medium" | "high";
  /** Reasoning summary (Responses only); empty to leave out. */
  reasoningSummary: "" | "auto" | "concise" | "detailed";
  /** Service tier; empty to leave out. */
  serviceTier: "" | "auto" | "default" | "flex" | "priority";
  /** Hosted tools. */
  tools: VariantTools;
  /** Function tools as JSON: an array of `{ type: "function", name, description, parameters }`. */
  functionTools: string;
  /** A JSON Schema for structured output; empty for free text. */
  jsonSchema: string;
}

/** Everything the prompt playground holds: the prompt, the inputs, the variants. */
export interface LabConfig {
  /** The system prompt, with `{variables}`. */
  system: string;
  /** The user message, with `{variables}`. */
  user: string;
  /** Test inputs: one row of variable values per run. */
  rows: Record<string, string>[];
  /** The variants compared side by side (2 to 4). */
  variants: VariantConfig[];
  /** How many requests run at once. */
  concurrency: number;
}

let nextVariant = 0;

/** A new variant with sensible defaults. */
export function createVariant(overrides: Partial<VariantConfig> = {}): VariantConfig {
  nextVariant += 1;
  return {
    id: `variant-${Date.now().toString(36)}-${nextVariant}`,
    name: `Variant ${String.fromCharCode(64 + nextVariant)}`,
    model: "gpt-4.1-mini",
    api: "responses",
    temperature: undefined,
    maxTokens: undefined,
    reasoningEffort: "",
    reasoningSummary: "",
    serviceTier: "",
    tools: { webSearch: false, imageGeneration: false, codeInterpreter: false },
    functionTools: "",
    jsonSchema: "",
    ...overrides,
  };
}

/** The playground's starting state: a templated prompt, two inputs, two variants. */
export function defaultLabConfig(): LabConfig {
  return {
    system: "You are a concise assistant for {audience}.",
    user: "Explain {topic} in three short bullet points.",
    rows: [
      { audience: "product managers", topic: "streaming responses" },
      { audience: "students", topic: "token usage and cost" },
    ],
    variants: [
      createVariant({ name: "Variant A", model: "gpt-4.1-mini" }),
      createVariant({ name: "Variant B", model: "gpt-5-mini", reasoningEffort: "low" }),
    ],
    concurrency: 4,
  };
}
