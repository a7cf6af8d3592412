import { ProxyRejection } from "../proxy/openai-error.js";

/**
 * Which models a proxy lets through: a list of names, where a trailing `*` matches any
 * suffix (`gpt-5-mini*` allows `gpt-5-mini-2025-08-07`), RegExps, a predicate, or `"all"`.
 */
export type ModelAllowlist = readonly (string | RegExp)[] | ((model: string) => boolean) | "all";

/**
 * The default allowlist: small, low-cost models, so a proxy left on its defaults cannot be
 * used to run up a large bill. Pass `models` to widen it.
 */
export const DEFAULT_ALLOWED_MODELS: readonly string[] = [
  "gpt-5-mini*",
  "gpt-5-nano*",
  "gpt-4.1-mini*",
  "gpt-4.1-nano*",
  "gpt-4o-mini*",
];

/**
 * True when `model` is allowed by `allowlist`. With a list, a fine-tuned model
 * (`ft:<base>:<org>:<suffix>:<id>`) is allowed when its base model is, so the default list
 * lets through fine-tunes of the small models it names. A predicate decides on its own.
 */
export function isModelAllowed(model: string, allowlist: ModelAllowlist): boolean {
  if (allowlist === "all") return true;
  if (typeof allowlist === "function") return allowlist(model);
  const listed = (name: string) =>
    allowlist.some((entry) => {
      if (entry instanceof RegExp) return entry.test(name);
      if (entry.endsWith("*")) return name.startsWith(entry.slice(0, -1));
      return name === entry;
    });
  if (listed(model)) return true;
  const base = fineTunedBase(model);
  return base !== undefined && listed(base);
}

/** The base model of a fine-tuned model id (`ft:gpt-4.1-mini-2025-04-14:org::id`), if it is one. */
function fineTunedBase(model: string): string | undefined {
  const match = /^ft:([^:]+):/.exec(model);
  return match?.[1];
}

/** Rejects a request whose model is not on the allowlist (400, `model_not_allowed`). */
export function assertModelAllowed(model: string, allowlist: ModelAllowlist): void {
  if (isModelAllowed(model, allowlist)) return;
  throw new ProxyRejection(
    400,
    `The model '${model}' is not allowed by this server. Use an allowed model, or add it to the proxy's \`models\` option.`,
    { param: "model", code: "model_not_allowed" },
  );
}
