import { describe, expect, it } from "vitest";
import { act, render, screen, waitFor } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { z } from "zod";
import type { ReactNode } from "react";
import { ColloquyProvider } from "../../src/react/index.js";
import {
  useStructuredOutput,
  type UseStructuredOutputOptions,
  type UseStructuredOutputResult,
} from "../../src/react/structured-output.js";
import { ValidationError } from "../../src/core/errors.js";
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
