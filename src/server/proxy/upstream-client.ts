import OpenAI, { AzureOpenAI } from "openai";
import { ColloquyError } from "../../core/errors.js";
import { defaultUpstreamFetch } from "./default-upstream-fetch.js";
import { createClientUpstream } from "./client-upstream.js";
import { createDirectUpstream, type DirectUpstream } from "./direct-upstream.js";
import type { ErrorCapture } from "./error-capture.js";
import type { Upstream } from "./upstream.js";
import type { FetchHandler, UpstreamOptions } from "./upstream-options.js";

/**
 * A configured upstream: how calls reach it (the direct upstream when the configuration
 * needs nothing but a URL and fixed headers, else the openai client), the secrets to scrub,
 * and Azure's model mapping.
 */
export interface UpstreamClient extends Upstream {
  /** Strings that must never leave the proxy (keys). */
  secrets: string[];
  /** Maps a requested model to the name sent upstream (Azure deployments). */
  upstreamModel: (model: string) => string;
  /** Where requests go, for error messages (never contains a key). */
  description: string;
  /**
   * True when generation requests go straight to a URL over the network (the direct upstream,
   * no in-process `upstream` handler), so a runtime adapter may send them with its own HTTP
   * client instead of `fetch`.
   */
  overNetwork: boolean;
}

/** The parts of a configured upstream before `send` is chosen. */
interface UpstreamSetup {
  client: OpenAI;
  secrets: string[];
  upstreamModel: (model: string) => string;
  description: string;
  direct?: DirectUpstream;
}

function configError(message: string): ColloquyError {
  return new ColloquyError("invalid_input", message);
}

function fetchFromHandler(handler: FetchHandler): typeof fetch {
  return async (input, init) => handler(new Request(input, init));
}

function readEnv(options: UpstreamOptions): Readonly<Record<string, string | undefined>> {
  if (options.env) return options.env;
  return typeof process !== "undefined" ? process.env : {};
}

const isV1Endpoint = (url: URL) => /\/openai\/v1\/?$/.test(url.pathname);

/**
 * Builds the openai client for the proxy's upstream, refusing incomplete configuration at
 * construction so a misconfigured server fails at start-up, not on the first request.
 */
export function createUpstreamClient(
  options: UpstreamOptions,
  capture: ErrorCapture,
): UpstreamClient {
  const { client, direct, ...rest } = setUpstream(options, capture);
  const viaClient = createClientUpstream(client, capture, rest.description);
  if (!direct) return { ...rest, ...viaClient, overNetwork: false };
  const { send } = createDirectUpstream(direct, rest.description, viaClient);
  return { ...rest, send, overNetwork: !options.upstream };
}

function setUpstream(options: UpstreamOptions, capture: ErrorCapture): UpstreamSetup {
  const env = readEnv(options);
  const transport = options.upstream ? fetchFromHandler(options.upstream) : defaultUpstreamFetch();
  const timeoutMs = options.timeoutMs ?? 600_000;
  const common = {
    maxRetries: 0,
    timeout: timeoutMs,
    logLevel: "off" as const,
    fetch: capture.wrap(transport),
  };
  const direct = (baseURL: string, headers: Record<string, string | null>): DirectUpstream => ({
    fetch: transport,
    baseURL: baseURL.replace(/\/+$/, ""),
    headers: Object.fromEntries(
      Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== null),
    ),
    timeoutMs,
  });
  const identity = (model: string) => model;

  if (options.upstream) {
    const apiKey = options.apiKey ?? "colloquy-embedded-upstream";
    const baseURL = "http://upstream.colloquy.invalid/v1";
    return {
      client: new OpenAI({ ...common, apiKey, baseURL }),
      secrets: options.apiKey ? [options.apiKey] : [],
      upstreamModel: identity,
      description: "the embedded upstream",
      direct: direct(baseURL, { authorization: `Bearer ${apiKey}` }),
    };
  }

  if (options.azure) {
    const azure = options.azure;
    let endpoint: URL;
    try {
      endpoint = new URL(azure.endpoint);
    } catch {
      throw configError(
        `The Azure endpoint '${azure.endpoint}' is not a URL. Use https://<resource>.openai.azure.com/openai/v1/ or the resource endpoint with an apiVersion.`,
      );
    }
    const apiKey = azure.apiKey ?? env["AZURE_OPENAI_API_KEY"];
    if (apiKey && azure.azureADTokenProvider) {
      throw configError(
        "Azure is configured with both an API key and an Entra ID token provider. Pass only one (an AZURE_OPENAI_API_KEY in the environment counts as a key).",
      );
    }
    if (!apiKey && !azure.azureADTokenProvider) {
      throw configError(
        "Azure is configured without credentials. Pass azure.apiKey (or set AZURE_OPENAI_API_KEY), or azure.azureADTokenProvider.",
      );
    }
    const deployments = azure.deployments ?? {};
    const upstreamModel = (model: string) => deployments[model] ?? azure.deployment ?? model;
    const description = `Azure OpenAI at ${endpoint.host}`;
    if (isV1Endpoint(endpoint)) {
      const client = new OpenAI({
        ...common,
        baseURL: endpoint.href,
        apiKey: apiKey ?? (azure.azureADTokenProvider as () => Promise<string>),
        ...(apiKey ? { defaultHeaders: { "api-key": apiKey } } : {}),
      });
      return {
        client,
        secrets: apiKey ? [apiKey] : [],
        upstreamModel,
        description,
        // A token provider's token changes; the client keeps fetching it.
        ...(apiKey
          ? {
              direct: direct(endpoint.href, {
                authorization: `Bearer ${apiKey}`,
                "api-key": apiKey,
              }),
            }
          : {}),
      };
    }
    if (!azure.apiVersion) {
      throw configError(
        `The Azure resource endpoint '${endpoint.href}' needs an apiVersion (e.g. '2025-04-01-preview'), or use the v1 endpoint ${endpoint.origin}/openai/v1/.`,
      );
    }
    const client = new AzureOpenAI({
      ...common,
      endpoint: endpoint.origin,
      apiVersion: azure.apiVersion,
      ...(apiKey ? { apiKey } : { azureADTokenProvider: azure.azureADTokenProvider }),
    });
    return { client, secrets: apiKey ? [apiKey] : [], upstreamModel, description };
  }

  const apiKey = options.apiKey ?? env["OPENAI_API_KEY"];
  const baseURL = options.baseURL ?? env["OPENAI_BASE_URL"];
  if (!apiKey && !baseURL) {
    throw configError(
      "No OpenAI API key: pass apiKey or set OPENAI_API_KEY (or point baseURL / OPENAI_BASE_URL at a compatible server, or pass an upstream handler such as the emulator's).",
    );
  }
  if (baseURL !== undefined) {
    try {
      new URL(baseURL);
    } catch {
      throw configError(
        `The upstream baseURL '${baseURL}' is not a URL, e.g. https://api.openai.com/v1.`,
      );
    }
  }
  const client = new OpenAI({
    ...common,
    apiKey: apiKey ?? "no-key",
    baseURL: baseURL ?? "https://api.openai.com/v1",
    organization: options.organization ?? env["OPENAI_ORG_ID"] ?? null,
    project: options.project ?? env["OPENAI_PROJECT_ID"] ?? null,
  });
  return {
    client,
    secrets: apiKey ? [apiKey] : [],
    upstreamModel: identity,
    description: `the upstream at ${new URL(client.baseURL).host}`,
    direct: direct(client.baseURL, {
      authorization: `Bearer ${apiKey ?? "no-key"}`,
      "openai-organization": client.organization,
      "openai-project": client.project,
    }),
  };
}
