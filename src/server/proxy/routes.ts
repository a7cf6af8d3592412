import { handleChatCompletion, handleCreateResponse } from "./handle-generation.js";
import { handleUploadFile } from "./handle-files.js";
import {
  handleContainerFileContent,
  handleRetrieveContainerFile,
} from "./handle-container-files.js";
import { handleListModels, handleRetrieveModel } from "./handle-models.js";
import {
  handleCancelResponse,
  handleDeleteResponse,
  handleListInputItems,
  handleRetrieveResponse,
} from "./handle-response-resource.js";
import { ProxyRejection } from "./openai-error.js";
import type { RouteContext } from "./proxy-context.js";
import type { ProxyAnswer } from "./stream-answer.js";

/** One route of the proxy. */
export interface Route {
  /** HTTP method, upper case. */
  method: string;
  /** Path below the base path, with `{name}` parameters. */
  pattern: string;
  /** Answers the request. */
  handle: (context: RouteContext) => Promise<ProxyAnswer>;
}

/** Every route the proxy serves. */
export const ROUTES: readonly Route[] = [
  { method: "POST", pattern: "/v1/responses", handle: handleCreateResponse },
  { method: "POST", pattern: "/v1/chat/completions", handle: handleChatCompletion },
  { method: "GET", pattern: "/v1/responses/{id}", handle: handleRetrieveResponse },
  { method: "DELETE", pattern: "/v1/responses/{id}", handle: handleDeleteResponse },
  { method: "GET", pattern: "/v1/responses/{id}/input_items", handle: handleListInputItems },
  { method: "POST", pattern: "/v1/responses/{id}/cancel", handle: handleCancelResponse },
  { method: "GET", pattern: "/v1/models", handle: handleListModels },
  { method: "GET", pattern: "/v1/models/{id}", handle: handleRetrieveModel },
  { method: "POST", pattern: "/v1/files", handle: handleUploadFile },
  {
    method: "GET",
    pattern: "/v1/containers/{container_id}/files/{file_id}",
    handle: handleRetrieveContainerFile,
  },
  {
    method: "GET",
    pattern: "/v1/containers/{container_id}/files/{file_id}/content",
    handle: handleContainerFileContent,
  },
];

/** Each route's pattern split into segments once: matching runs on every request. */
const SPLIT_ROUTES = ROUTES.map((route) => ({ route, segments: route.pattern.split("/") }));

/** A path segment decoded; a malformed escape is the client's mistake, answered 400. */
function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ProxyRejection(
      400,
      `The path segment '${value.slice(0, 100)}' has a malformed percent-escape. Encode ids with encodeURIComponent.`,
      { code: "invalid_path" },
    );
  }
}

function matchSegments(expected: readonly string[], path: string): Record<string, string> | null {
  const actual = path.split("/");
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < expected.length; i++) {
    const part = expected[i] as string;
    const value = actual[i] as string;
    if (part.startsWith("{")) {
      if (value === "") return null;
      params[part.slice(1, -1)] = decodeSegment(value);
    } else if (part !== value) return null;
  }
  return params;
}

/** The routes whose path matches (any method), with their path parameters. */
export function matchRoutes(path: string): { route: Route; params: Record<string, string> }[] {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const found: { route: Route; params: Record<string, string> }[] = [];
  for (const { route, segments } of SPLIT_ROUTES) {
    const params = matchSegments(segments, trimmed);
    if (params) found.push({ route, params });
  }
  return found;
}
