import type { CaptureApi, CaptureExchange } from "./captures.js";

declare module "vitest/browser" {
  interface BrowserCommands {
    /** Reads one recording's exchanges from disk (runs in Node, answers the browser). */
    readCaptureExchanges: (api: CaptureApi, file: string) => Promise<CaptureExchange[]>;
  }
}
