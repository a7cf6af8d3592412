import { createEmulatorHandler } from "../../src/testing/index.js";

/**
 * A `fetch` answered by the in-browser emulator: stories that talk to a "model" never
 * touch the network. Relative URLs resolve against the page, as a browser's fetch does.
 */
export function emulatorFetch(
  options: Parameters<typeof createEmulatorHandler>[0] = { pace: "realistic" },
): typeof globalThis.fetch {
  const handler = createEmulatorHandler(options);
  const base = "http://emulator.invalid/";
  return async (input, init) => {
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), base), init);
    // The emulator serves the API at /v1; strip whatever prefix the app uses (the proxy's).
    const url = new URL(request.url);
    url.pathname = url.pathname.replace(/^.*?(\/v1\/)/, "$1");
    return handler(new Request(url, request));
  };
}
