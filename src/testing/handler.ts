import { chatChunks, chatCompletion } from "./chat-render.js";
import { admitRequest, isRequestError } from "./admit-request.js";
import { inputItemsList } from "./conversation.js";
import type { EmulatorRequest } from "./emulator-request-model.js";
import {
  eventBody,
  listSource,
  splitSse,
  type Frame,
  type FrameSource,
  type Pace,
} from "./event-body.js";
import { BoundedSet, mergeFaults, parseFaults, type Faults } from "./faults.js";
import { ContainerFiles } from "./container-files.js";
import { createIdFactory, createRequestIds } from "./ids.js";
import { CORS, errorResponse, faultResponse, jsonResponse, SSE_HEADERS } from "./openai-error.js";
import { planOutput } from "./plan.js";
import { uploadFile } from "./upload-file.js";
import { ResponseStore, StoredResponse } from "./response-store.js";
import { finalResponse, responseEvents, responseObject } from "./responses-render.js";
import { chooseScenario, findDirective, isScenarioName, SCENARIOS } from "./scenarios.js";

/** Options of the emulator. */
export interface EmulatorOptions {
  /** Recorded SSE bodies by name, streamed verbatim by scenario `replay:<name>`. */
  recordings?: Record<string, string>;
  /** Milliseconds between events (default 0). */
  delayMs?: number;
  /** Milliseconds between the two halves of every event (default 0: events are sent whole). */
  chunkDelayMs?: number;
  /** `realistic` paces deltas at 12-20 ms like a real model, for demos (default `instant`). */
  pace?: "instant" | "realistic";
  /** The clock, in ms since the epoch (default `Date.now`); `created_at` comes from it. */
  now?: () => number;
  /** Width and height of generated pictures in pixels (default 256). */
  imageSize?: number;
  /** Most responses kept for `GET /v1/responses/{id}` and resuming (default 50). */
  maxStoredResponses?: number;
  /** Finished responses are forgotten after this many ms (default 10 minutes). */
  retainMs?: number;
}

/** A Web fetch handler: `Request` in, `Response` out. */
export type EmulatorHandler = (request: Request) => Promise<Response>;

/** Names of the models `GET /v1/models` lists. */
export const EMULATOR_MODELS = [
  "gpt-4o-mini",
  "gpt-4o",
  "gpt-4.1",
  "gpt-4.1-mini",
  "gpt-5",
  "gpt-5-mini",
  "o4-mini",
  "computer-use-preview",
] as const;

type Json = Record<string, unknown>;

/** One entry of `GET /v1/models`, and the answer of `GET /v1/models/{id}`. */
function modelObject(id: string): Json {
  return { id, object: "model", created: 1_700_000_000, owned_by: "openai" };
}

function responsesFrame(event: Json): Frame {
  return {
    text: `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`,
    delta: String(event.type).endsWith(".delta"),
  };
}

function chatFrame(chunk: Json | "[DONE]"): Frame {
  return {
    text: `data: ${chunk === "[DONE]" ? chunk : JSON.stringify(chunk)}\n\n`,
    delta: chunk !== "[DONE]",
  };
}

const MALFORMED = {
  responses:
    'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta": oops\n\n',
  chat: 'data: {"id":"chatcmpl-emu","object":"chat.completion.chunk", oops\n\n',
};

/**
 * Creates the emulator: a fetch handler speaking OpenAI's HTTP API from scripts, using
 * only Web APIs so it runs in Node and in the browser alike. State (ids, stored responses,
 * once-only faults) lives in the returned handler.
 */
export function createEmulatorHandler(options: EmulatorOptions = {}): EmulatorHandler {
  const now = options.now ?? Date.now;
  const ids = createIdFactory();
  const requestIds = createRequestIds();
  const containerFiles = new ContainerFiles();
  const seenFaultInputs = new BoundedSet(1000);
  const store = new ResponseStore(
    { maxResponses: options.maxStoredResponses ?? 50, retainMs: options.retainMs ?? 600_000 },
    now,
  );
  const pace: Pace = {
    delayMs: options.delayMs ?? 0,
    chunkDelayMs: options.chunkDelayMs ?? 0,
    preset: options.pace ?? "instant",
  };
  const imageSize = options.imageSize ?? 256;
  const seconds = () => Math.floor(now() / 1000);

  function stream(
    source: FrameSource,
    faults: Faults,
    malformed: { at: number; frame: string },
    signal: AbortSignal | undefined,
    live = false,
  ): Response {
    // A live run is paced by the run itself; its readers only pass events on.
    const body = eventBody({
      source,
      pace: live ? { ...pace, delayMs: 0, preset: "instant" } : pace,
      faults: live ? { ...faults, slowMs: undefined } : faults,
      malformedAt: malformed.at,
      malformedFrame: malformed.frame,
      ...(signal ? { signal } : {}),
    });
    return new Response(body, { headers: SSE_HEADERS });
  }

  /**
   * A JSON body. Stream faults apply to it too: it is sent in slices, so a disconnect or cut
   * leaves the client with truncated JSON and a stall leaves it waiting.
   */
  function json(body: unknown, faults: Faults, signal: AbortSignal): Response {
    const { disconnectAfter, cutAfter, stallAfter, malformed } = faults;
    if (
      disconnectAfter === undefined &&
      cutAfter === undefined &&
      stallAfter === undefined &&
      !malformed
    ) {
      return jsonResponse(body);
    }
    const text = JSON.stringify(body);
    const frames = (text.match(/[\s\S]{1,256}/g) ?? []).map((slice) => ({
      text: slice,
      delta: false,
    }));
    return new Response(
      eventBody({
        source: listSource(frames),
        pace: { ...pace, preset: "instant", chunkDelayMs: 0 },
        faults,
        malformedAt: Math.floor(frames.length / 2),
        malformedFrame: "<<not json>>",
        signal,
      }),
      { headers: { "content-type": "application/json", ...CORS } },
    );
  }

  function faultsFor(http: Request, request: EmulatorRequest, sent: Json): Faults | Response {
    try {
      const header = http.headers.get("x-colloquy-fault");
      const fromHeader = header ? parseFaults(header) : undefined;
      const directive = findDirective(request.lastUserText, "fault");
      let fromDirective: Faults | undefined;
      if (directive) {
        // A directive fails only the first request with this exact input, so a retry recovers.
        // The input as sent: the emulator gives input items fresh ids on every request.
        const input =
          request.api === "chat" ? sent.messages : [sent.previous_response_id, sent.input];
        const key = `${request.api}:${JSON.stringify(input)}`;
        if (seenFaultInputs.add(key)) fromDirective = parseFaults(directive);
      }
      return mergeFaults(fromHeader, fromDirective);
    } catch (error) {
      return errorResponse(400, {
        message: (error as Error).message,
        type: "invalid_request_error",
        param: "x-colloquy-fault",
      });
    }
  }

  async function create(http: Request, api: "responses" | "chat"): Promise<Response> {
    let body: unknown;
    try {
      body = await http.json();
    } catch {
      return errorResponse(400, {
        message: "The request body is not valid JSON. Send a JSON object.",
        type: "invalid_request_error",
      });
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return errorResponse(400, {
        message: "The request body must be a JSON object.",
        type: "invalid_request_error",
      });
    }
    const admitted = admitRequest(api, body as Json, store, ids);
    if (isRequestError(admitted)) return errorResponse(admitted.status, admitted.error);
    const { request } = admitted;
    const faults = faultsFor(http, request, body as Json);
    if (faults instanceof Response) return faults;
    if (faults.status) return faultResponse(faults.status);
    if (faults.slowMs && !request.stream) await new Promise((r) => setTimeout(r, faults.slowMs));

    const scenario = chooseScenario(request, http.headers.get("x-colloquy-scenario") ?? undefined);
    if (scenario.startsWith("replay:")) {
      const name = scenario.slice("replay:".length);
      const recording = options.recordings?.[name];
      if (recording === undefined) {
        return errorResponse(404, {
          message: `No recording named "${name}". Pass it as createEmulatorHandler({ recordings: { "${name}": sseText } }).`,
          type: "invalid_request_error",
          code: "recording_not_found",
        });
      }
      const frames = splitSse(recording);
      return stream(
        listSource(frames),
        faults,
        { at: Math.floor(frames.length / 2), frame: MALFORMED[api] },
        http.signal,
      );
    }
    if (!isScenarioName(scenario)) {
      return errorResponse(400, {
        message: `Unknown scenario "${scenario}". Known scenarios: ${SCENARIOS.map((s) => s.name).join(", ")}, or replay:<name>.`,
        type: "invalid_request_error",
        param: "x-colloquy-scenario",
      });
    }
    const plan = planOutput(request, scenario, {
      ids,
      imageSize,
      containerFiles,
      createdAt: seconds(),
    });

    if (api === "chat") {
      const identity = { id: ids.next("chatcmpl"), created: seconds(), request };
      if (!request.stream) return json(chatCompletion(identity, plan), faults, http.signal);
      const frames = [...chatChunks(identity, plan).map(chatFrame), chatFrame("[DONE]")];
      return stream(
        listSource(frames),
        faults,
        { at: Math.floor(frames.length / 2), frame: MALFORMED.chat },
        http.signal,
      );
    }

    const identity = { id: ids.next("resp"), createdAt: seconds(), request };
    const events = responseEvents(identity, plan);
    const stored: StoredResponse = new StoredResponse(
      identity.id,
      events,
      responsesFrame,
      (): Json => responseObject(identity, "cancelled", stored.outputSoFar(), null),
    );
    stored.conversation = admitted.conversation;
    stored.input = admitted.input;
    // `store: false` is never kept: it cannot be retrieved or continued, as on OpenAI.
    if (request.body.store !== false) store.add(stored);
    const malformed = { at: Math.floor(events.length / 2), frame: MALFORMED.responses };
    if (request.background) {
      store.run(stored, pace, faults);
      if (!request.stream)
        return json(responseObject(identity, "queued", [], null), faults, http.signal);
      // The run goes on when this connection drops; GET /responses/{id}?stream=true resumes it.
      return stream(stored.source(0), faults, malformed, http.signal, true);
    }
    stored.released = events.length;
    stored.finishedAt = now();
    if (!request.stream) return json(finalResponse(identity, plan), faults, http.signal);
    return stream(stored.source(0), faults, malformed, http.signal);
  }

  function retrieve(http: Request, id: string): Response {
    const stored = store.get(id);
    if (!stored) return notFound(`No response with id "${id}" is kept by the emulator.`);
    const url = new URL(http.url);
    if (url.searchParams.get("stream") !== "true") return jsonResponse(stored.current());
    const after = Number(url.searchParams.get("starting_after") ?? "-1");
    const start = Number.isInteger(after) ? Math.max(0, after + 1) : 0;
    return stream(stored.source(start), {}, { at: -1, frame: "" }, http.signal, true);
  }

  function cancel(id: string): Response {
    const stored = store.get(id);
    if (!stored) return notFound(`No response with id "${id}" is kept by the emulator.`);
    if (!(stored.events[0]!.response as Json).background) {
      return errorResponse(400, {
        message: "Only background responses can be cancelled. Create it with background: true.",
        type: "invalid_request_error",
      });
    }
    stored.cancel(now());
    return jsonResponse(stored.current());
  }

  function remove(id: string): Response {
    if (!store.delete(id)) return notFound(`No response with id "${id}" is kept by the emulator.`);
    return jsonResponse({ id, object: "response", deleted: true });
  }

  function listInputItems(http: Request, id: string): Response {
    const stored = store.get(id);
    if (!stored) return notFound(`No response with id "${id}" is kept by the emulator.`);
    return jsonResponse(inputItemsList(stored.input, new URL(http.url).searchParams.get("order")));
  }

  function notFound(message: string): Response {
    return errorResponse(404, { message, type: "invalid_request_error", code: "not_found" });
  }

  // Every answer, success, error or stream, carries its own id, as OpenAI's do; a failure
  // of the emulator itself is an OpenAI server error with one too, so it can be reported.
  return async (http) => {
    const response = await route(http).catch((error: unknown) =>
      errorResponse(500, {
        message: `The emulator failed: ${(error as Error).message}`,
        type: "server_error",
      }),
    );
    response.headers.set("x-request-id", requestIds());
    return response;
  };

  async function route(http: Request): Promise<Response> {
    const url = new URL(http.url);
    const path = routePath(url.pathname);
    const method = http.method.toUpperCase();
    if (method === "OPTIONS") {
      return new Response(null, {
        status: 204,
        headers: {
          ...CORS,
          "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
          "access-control-allow-headers": "*",
        },
      });
    }
    if (method === "POST" && path === "/responses") return create(http, "responses");
    if (method === "POST" && path === "/chat/completions") return create(http, "chat");
    if (method === "GET" && path === "/models") {
      return jsonResponse({ object: "list", data: EMULATOR_MODELS.map(modelObject) });
    }
    const modelMatch = /^\/models\/([^/]+)$/.exec(path);
    if (method === "GET" && modelMatch) {
      const id = decodeURIComponent(modelMatch[1]!);
      if ((EMULATOR_MODELS as readonly string[]).includes(id)) return jsonResponse(modelObject(id));
      return notFound(`The model '${id}' does not exist. GET /v1/models lists the known ones.`);
    }
    if (method === "POST" && path === "/files") return uploadFile(http, ids, seconds());
    const responseMatch = /^\/responses\/([^/]+)(\/cancel|\/input_items)?$/.exec(path);
    if (responseMatch) {
      const id = decodeURIComponent(responseMatch[1]!);
      const sub = responseMatch[2];
      if (method === "GET" && !sub) return retrieve(http, id);
      if (method === "DELETE" && !sub) return remove(id);
      if (method === "GET" && sub === "/input_items") return listInputItems(http, id);
      if (method === "POST" && sub === "/cancel") return cancel(id);
    }
    const fileMatch = /^\/containers\/([^/]+)\/files\/([^/]+)(\/content)?$/.exec(path);
    if (method === "GET" && fileMatch) {
      const [, container, file, content] = fileMatch;
      return containerFiles.serve(
        decodeURIComponent(container!),
        decodeURIComponent(file!),
        content !== undefined,
      );
    }
    return errorResponse(404, {
      message: `Unknown route ${method} ${url.pathname}. The emulator serves POST /v1/responses, POST /v1/chat/completions, GET and DELETE /v1/responses/{id}, GET /v1/responses/{id}/input_items, POST /v1/responses/{id}/cancel, GET /v1/models, GET /v1/models/{id}, POST /v1/files and GET /v1/containers/{id}/files/{file_id}[/content].`,
      type: "invalid_request_error",
      code: "unknown_url",
    });
  }
}

/**
 * The API path of a request URL: what follows `/v1` (any prefix before it, as proxies and
 * Azure's v1 endpoint add one), or, on Azure's versioned paths, what follows
 * `/openai/deployments/{deployment}` or `/openai` (the `api-version` query is ignored).
 */
function routePath(pathname: string): string {
  const deployment = /\/openai\/deployments\/[^/]+(\/.*)$/.exec(pathname);
  if (deployment) return deployment[1]!;
  const v1 = /^(?:.*?)\/v1(\/.*)$/.exec(pathname);
  if (v1) return v1[1]!;
  const azure = /\/openai(\/(?:responses|chat\/completions|files|models)(?:\/.*)?)$/.exec(pathname);
  return azure?.[1] ?? "";
}
