import type { AzureUpstreamOptions } from "./upstream-options.js";

/**
 * Azure OpenAI as the environment configures it, or undefined when AZURE_OPENAI_ENDPOINT is
 * not set: AZURE_OPENAI_ENDPOINT (the v1 endpoint, or the resource endpoint with
 * AZURE_OPENAI_API_VERSION), AZURE_OPENAI_DEPLOYMENT (the deployment every request goes to)
 * and AZURE_OPENAI_API_KEY (read by the proxy itself, so it is never copied into options).
 * The one reading of these variables, shared by `colloquy serve` and `npm start`.
 */
export function azureUpstreamFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): AzureUpstreamOptions | undefined {
  const endpoint = env["AZURE_OPENAI_ENDPOINT"];
  if (!endpoint) return undefined;
  const apiVersion = env["AZURE_OPENAI_API_VERSION"];
  const deployment = env["AZURE_OPENAI_DEPLOYMENT"];
  return {
    endpoint,
    ...(apiVersion ? { apiVersion } : {}),
    ...(deployment ? { deployment } : {}),
  };
}
