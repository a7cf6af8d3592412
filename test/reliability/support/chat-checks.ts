import { expect } from "vitest";
import type { Message } from "../../../src/core/index.js";

/** Shared assertions of the fault matrix: nothing lost, nothing doubled. */

/** The text of a message's text parts, joined. */
export function textOf(message: Message | undefined): string {
  return message?.parts.map((part) => (part.type === "text" ? part.text : "")).join("") ?? "";
}

/** Every id appears once. */
export function expectUniqueIds(messages: readonly Message[]): void {
  const ids = messages.map((message) => message.id);
  expect(new Set(ids).size).toBe(ids.length);
}

/** A fetch that fails like a network with no connection while `offline()` says so. */
export function flakyFetch(offline: () => boolean): typeof fetch {
  return (input, init) => {
    if (offline()) return Promise.reject(new TypeError("fetch failed: the network is offline"));
    return fetch(input, init);
  };
}
