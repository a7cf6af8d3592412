/** A Web fetch handler: what the proxy is, and what it may use as its upstream. */
export type FetchHandler = (request: Request) => Promise<Response> | Response;

/**
 * Azure OpenAI as the upstream. Give either the v1 endpoint
 * (`https://<resource>.openai.azure.com/openai/v1/`), or the resource endpoint
 * (`https://<resource>.openai.azure.com/`) with an `apiVersion`; and either an API key or an
 * Entra ID token provider.
 */
export interface AzureUpstreamOptions {
  /** The v1 endpoint, or the resource endpoint (then `apiVersion` is required). */
  endpoint: string;
  /** The data-plane API version for a resource endpoint, e.g. `2025-04-01-preview`. */
  apiVersion?: string;
  /** The resource's API key; default `AZURE_OPENAI_API_KEY`. Not with `azureADTokenProvider`. */
  apiKey?: string;
  /** Returns an Entra ID bearer token (e.g. `getBearerTokenProvider` of @azure/identity). */
  azureADTokenProvider?: () => Promise<string>;
  /**
   * Model name -> deployment name. Requests name models as clients know them; the proxy
   * sends the deployment name upstream. Models not in the map are sent as named.
   */
  deployments?: Readonly<Record<string, string>>;
  /**
   * The deployment a request goes to when `deployments` does not name its model, e.g. a
   * resource with one deployment; default AZURE_OPENAI_DEPLOYMENT through
   * `azureUpstreamFromEnv`. Without it such models are sent as named.
   */
  deployment?: string;
}

/** Where and how the proxy reaches OpenAI (or a compatible server). */
export interface UpstreamOptions {
  /** The OpenAI API key; default `OPENAI_API_KEY`. Never sent to clients or logged. */
  apiKey?: string;
  /** The API base URL; default `OPENAI_BASE_URL`, else `https://api.openai.com/v1`. */
  baseURL?: string;
  /** OpenAI organization id; default `OPENAI_ORG_ID`. */
  organization?: string;
  /** OpenAI project id; default `OPENAI_PROJECT_ID`. */
  project?: string;
  /** Azure OpenAI instead of OpenAI. */
  azure?: AzureUpstreamOptions;
  /**
   * A fetch handler to send upstream requests to instead of the network, e.g. the
   * emulator's `createEmulatorHandler()`. Takes precedence over `baseURL` and `azure`.
   */
  upstream?: FetchHandler;
  /** How long to wait for the upstream's response headers, default 600 000 ms (then 504). */
  timeoutMs?: number;
  /** Environment to read defaults from, default `process.env` where it exists. */
  env?: Readonly<Record<string, string | undefined>>;
}
