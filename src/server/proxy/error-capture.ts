import { boundedErrorAnswer } from "./read-upstream-body.js";

/** Header that tags each upstream request so its raw error body can be found again. */
export const TRACE_HEADER = "x-colloquy-trace";

/** Keeps the raw error responses the openai client would otherwise parse and discard. */
export class ErrorCapture {
  private readonly responses = new Map<string, Response>();

  /** Wraps a fetch so failing responses are kept (by trace id) before the client reads them. */
  wrap(inner: typeof fetch): typeof fetch {
    return async (input, init) => {
      const headers = new Headers(init?.headers);
      const trace = headers.get(TRACE_HEADER);
      headers.delete(TRACE_HEADER);
      const response = await inner(input, { ...init, headers });
      if (response.ok) return response;
      // The client would read an error body whole, however large: it gets at most a bounded one.
      const bounded = await boundedErrorAnswer(response);
      if (trace !== null) this.responses.set(trace, bounded.clone());
      return bounded;
    };
  }

  /** The raw failing response of a traced request, removed from the capture. */
  take(trace: string): Response | undefined {
    const response = this.responses.get(trace);
    this.responses.delete(trace);
    return response;
  }

  /** Forgets a traced request that did not fail. */
  forget(trace: string): void {
    const response = this.responses.get(trace);
    this.responses.delete(trace);
    void response?.body?.cancel().catch(() => undefined);
  }
}
