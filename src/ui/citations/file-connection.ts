import { createContext } from "react";
import type { HeadersOption } from "../../core/client/types.js";

// Only what `<Chat>` needs up front; the chip that reads it loads with the citation code.

/**
 * Where files the model cites are downloaded from: the API root the conversation's requests
 * go to (usually the colloquy proxy), with the same headers and fetch. `<Chat>` provides its
 * client's; wrap your own layout in `<FileConnectionProvider>` to give yours.
 */
export interface FileConnection {
  /** The API root, e.g. `/api/openai/v1`; that one when unset (the browser client's default). */
  baseURL?: string | undefined;
  /** Headers for every download (the app's own auth), or a function returning them. */
  headers?: HeadersOption | undefined;
  /** The fetch to use; defaults to `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
}

/** The connection file chips read (see `useFileConnection`). */
export const FileConnectionContext = createContext<FileConnection>({});

/** Gives the file chips below it the connection their downloads go through. */
export const FileConnectionProvider = FileConnectionContext.Provider;
