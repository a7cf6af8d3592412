import { describe, expect, it } from "vitest";
import { act, render, screen, waitFor } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { z } from "zod";
import type { ReactNode } from "react";
import { createChatClient } from "../../src/core/index.js";
import { ColloquyProvider } from "../../src/react/index.js";
import {
  useStructuredOutput,
  type UseStructuredOutputOptions,
  type UseStructuredOutputResult,
} from "../../src/react/structured-output.js";
import { ValidationError } from "../../src/core/validation-error.js";
import type { ChatClient } from "../../src/core/client/types.js";
import type { Schema } from "../../src/core/structured/schema-types.js";
import { failOnActWarnings, MODEL, serveEmulator } from "./support.js";

const server = serveEmulator();
failOnActWarnings();

const Recipe = z.object({
  title: z.string(),
  minutes: z.number(),
  ingredients: z.array(z.object({ name: z.string(), grams: z.number() })),
});

/**
 * The emulator's answer handed on one SSE event at a time, a timer apart: each event's partial
 * value then reaches React before the next arrives, however busy the machine is (pacing at the
 * emulator would not do: a stalled test process reads many paced events in one chunk).
 */
async function eventByEvent(response: Response): Promise<Response> {
  const events = (await response.text()).split(/(?<=\n\n)/);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const event = events.shift();
      if (event === undefined) {
        controller.close();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
      controller.enqueue(encoder.encode(event));
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

function renderStructured<S extends Schema>(
  options: UseStructuredOutputOptions<S>,
  count = 1,
  paced = false,
) {
  const queryClient = new QueryClient();
  const results: UseStructuredOutputResult<unknown>[][] = Array.from({ length: count }, () => []);
  const requests: string[] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    requests.push(String(input));
    const response = await fetch(input, init);
    return paced ? eventByEvent(response) : response;
  };
  function Probe({ index }: { index: number }) {
    const result = useStructuredOutput(options);
    results[index]!.push(result as UseStructuredOutputResult<unknown>);
    return <p data-testid={`status-${index}`}>{result.status}</p>;
  }
  function Wrapper({ children }: { children?: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <ColloquyProvider endpoint={server.url} api="responses" model={MODEL} fetch={countingFetch}>
          {children}
        </ColloquyProvider>
      </QueryClientProvider>
    );
  }
  render(
    <>
      {results.map((_, i) => (
        <Probe key={i} index={i} />
      ))}
    </>,
    { wrapper: Wrapper },
  );
  return { results, requests, latest: (i = 0) => results[i]!.at(-1)! };
}

describe("useStructuredOutput against the emulator", () => {
  it("streams a partial object, then the validated value, deduplicated across components", async () => {
    const { latest, results, requests } = renderStructured(
      { schema: Recipe, input: "A pancake recipe" },
      2,
      true,
    );
    await waitFor(() => expect(latest().status).toBe("success"));
    await waitFor(() => expect(latest(1).status).toBe("success"));
    const data = latest().data as z.infer<typeof Recipe>;
    expect(Recipe.parse(data)).toEqual(data);
    expect(latest(1).data).toEqual(data);
    // Partials were seen while streaming, each a prefix of the final object.
    const partials = results[0]!
      .filter((r) => r.isStreaming && r.partial !== undefined)
      .map((r) => r.partial);
    expect(partials.length).toBeGreaterThan(1);
    expect(partials.some((p) => JSON.stringify(p) !== JSON.stringify(data))).toBe(true);
    expect(requests).toHaveLength(1);
    expect(screen.getByTestId("status-0").textContent).toBe("success");
  });

  it("reports a validation failure as an error carrying the schema issues", async () => {
    const Impossible = z.object({ title: z.string().refine(() => false, "never acceptable") });
    const { latest } = renderStructured({ schema: Impossible, input: "Anything" });
    await waitFor(() => expect(latest().status).toBe("error"));
    const error = latest().error;
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      expect.objectContaining({ message: "never acceptable", path: ["title"] }),
    ]);
    expect(latest().data).toBeUndefined();
  });

  it("does nothing until generate() when disabled", async () => {
    const { latest, requests } = renderStructured({
      schema: Recipe,
      input: "Soup",
      enabled: false,
    });
    expect(latest().status).toBe("idle");
    expect(requests).toHaveLength(0);
    let value: unknown;
    await act(async () => {
      value = await latest().generate("A soup recipe");
    });
    expect(latest().status).toBe("success");
    expect(latest().data).toEqual(value);
    expect(Recipe.safeParse(value).success).toBe(true);
  });
});

describe("useStructuredOutput cache key", () => {
  const Short = z.object({ title: z.string() });
  const Other = z.object({ name: z.string() });

  /** Two hooks under one query client, the second with `second`'s options over `first`'s. */
  function renderPair(
    first: UseStructuredOutputOptions<Schema>,
    second: Partial<UseStructuredOutputOptions<Schema>>,
  ) {
    const queryClient = new QueryClient();
    const requests: { url: string; body: Record<string, unknown> }[] = [];
    const done: boolean[] = [false, false];
    // Two hosts that reach the one emulator, so the endpoint can differ.
    const routingFetch: typeof fetch = async (input, init) => {
      const url = String(input).replace(/^http:\/\/(a|b)\.test/, server.url.replace(/\/v1$/, ""));
      requests.push({ url: String(input), body: JSON.parse(String(init?.body ?? "{}")) });
      return fetch(url, init);
    };
    function Probe({
      index,
      options,
    }: {
      index: number;
      options: UseStructuredOutputOptions<Schema>;
    }) {
      const result = useStructuredOutput(options);
      // Settled either way: the request count is what these tests are about.
      if (result.status === "success" || result.status === "error") done[index] = true;
      return <p data-testid={`pair-${index}`}>{result.status}</p>;
    }
    const base = { endpoint: "http://a.test/v1", api: "responses" as const, model: MODEL };
    render(
      <QueryClientProvider client={queryClient}>
        <ColloquyProvider fetch={routingFetch}>
          <Probe index={0} options={{ ...base, ...first }} />
          <Probe index={1} options={{ ...base, ...first, ...second }} />
        </ColloquyProvider>
      </QueryClientProvider>,
    );
    return { requests, done };
  }

  const cases: [string, Partial<UseStructuredOutputOptions<Schema>>][] = [
    ["endpoint", { endpoint: "http://b.test/v1" }],
    ["model", { model: "gpt-4.1" }],
    ["api", { api: "chat" }],
    ["defaults (instructions)", { defaults: { instructions: "Answer in French." } }],
    ["defaults (temperature)", { defaults: { temperature: 0.1 } }],
    ["method", { method: "function_calling" }],
    ["schema", { schema: Other }],
    ["input", { input: "A soup title" }],
    ["name", { name: "recipe" }],
  ];
  for (const [field, second] of cases) {
    it(`sends a second request when only the ${field} differs`, async () => {
      const { requests, done } = renderPair({ schema: Short, input: "A cake title" }, second);
      await waitFor(() => expect(done).toEqual([true, true]));
      expect(requests).toHaveLength(2);
    });
  }

  it("shares one request when nothing that changes the answer differs", async () => {
    const { requests, done } = renderPair(
      { schema: Short, input: "A cake title", defaults: { instructions: "Be brief." } },
      { defaults: { instructions: "Be brief." } },
    );
    await waitFor(() => expect(done).toEqual([true, true]));
    expect(requests).toHaveLength(1);
  });

  /** A hook given a client made by `makeClient` on every render, and the requests it sent. */
  function renderWithClients(makeClients: ((fetch: typeof globalThis.fetch) => ChatClient)[]) {
    const queryClient = new QueryClient();
    const requests: string[] = [];
    const countingFetch: typeof fetch = async (input, init) => {
      requests.push(String(input));
      return fetch(input, init);
    };
    const statuses: string[][] = makeClients.map(() => []);
    function Probe({ index }: { index: number }) {
      // A new client object on every render, as an app writing it inline would make.
      const result = useStructuredOutput({
        schema: Short,
        input: "A cake title",
        client: makeClients[index]!(countingFetch),
      });
      statuses[index]!.push(result.status);
      return <p data-testid={`client-${index}`}>{result.status}</p>;
    }
    render(
      <QueryClientProvider client={queryClient}>
        {makeClients.map((_, index) => (
          <Probe key={index} index={index} />
        ))}
      </QueryClientProvider>,
    );
    return { requests, statuses };
  }

  it("settles with one request when the client is a new object on every render", async () => {
    const { requests, statuses } = renderWithClients([
      (fetch) => createChatClient({ baseURL: server.url, api: "responses", model: MODEL, fetch }),
    ]);
    await waitFor(() => expect(screen.getByTestId("client-0").textContent).toBe("success"));
    expect(requests).toHaveLength(1);
    expect(statuses[0]!.at(-1)).toBe("success");
  });

  it("sends a second request when only the given client's options differ", async () => {
    const made = (instructions: string) => (fetch: typeof globalThis.fetch) =>
      createChatClient({
        baseURL: server.url,
        api: "responses",
        model: MODEL,
        instructions,
        fetch,
      });
    const { requests } = renderWithClients([made("Be brief."), made("Answer in French.")]);
    await waitFor(() => {
      expect(screen.getByTestId("client-0").textContent).toBe("success");
      expect(screen.getByTestId("client-1").textContent).toBe("success");
    });
    expect(requests).toHaveLength(2);
  });
});
