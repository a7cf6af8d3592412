import type { BuiltRequest } from "../../../src/core/index.js";
import type { VariantConfig } from "./lab-config.js";

/** Quotes a string for a POSIX shell. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The request as a `curl` command against OpenAI, the key read from the environment. */
export function curlCommand(request: BuiltRequest): string {
  return [
    `curl https://api.openai.com/v1${request.path}`,
    `  -H "Authorization: Bearer $OPENAI_API_KEY"`,
    `  -H "Content-Type: application/json"`,
    `  -d ${shellQuote(JSON.stringify(request.body, null, 2))}`,
  ].join(" \\\n");
}

/** The variant as colloquy code: a client with these settings, streaming the prompt. */
export function colloquySnippet(
  variant: VariantConfig,
  params: Record<string, unknown>,
  prompt: { system: string; user: string },
): string {
  const { model, ...rest } = params;
  const lines = [
    `import { createChatClient, createPromptTemplate } from "colloquy";`,
    ``,
    `const client = createChatClient({`,
    `  baseURL: "/api/openai/v1",`,
    `  api: ${JSON.stringify(variant.api)},`,
    `  model: ${JSON.stringify(model)},`,
    `});`,
    ``,
    `const prompt = createPromptTemplate([`,
    ...(prompt.system.trim() ? [`  ["system", ${JSON.stringify(prompt.system)}],`] : []),
    `  ["user", ${JSON.stringify(prompt.user)}],`,
    `]);`,
    ``,
    `const messages = prompt.format({ /* your variables */ });`,
    `for await (const message of client.stream(messages, ${JSON.stringify(rest, null, 2).replace(/\n/g, "\n  ")})) {`,
    `  render(message);`,
    `}`,
  ];
  return lines.join("\n");
}
