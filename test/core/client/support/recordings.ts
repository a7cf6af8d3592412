import { captureExchanges, type CaptureApi } from "../../../support/captures.js";

/** The SSE body of a recorded stream exchange. */
export function recordedSse(api: CaptureApi, file: string, index = 0): string {
  const exchange = captureExchanges(api, file).filter((e) => e.kind === "stream")[index];
  if (!exchange?.sse) throw new Error(`${api}/${file} has no stream exchange ${index}`);
  return exchange.sse;
}

/** A recorded JSON exchange: its body, status and request. */
export function recordedJson(api: CaptureApi, file: string, index = 0) {
  const exchange = captureExchanges(api, file).filter((e) => e.kind === "json")[index];
  if (!exchange) throw new Error(`${api}/${file} has no JSON exchange ${index}`);
  return exchange;
}
