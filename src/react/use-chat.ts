import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { ChatStore } from "../core/chat/chat-store.js";
import type { ChatState, ChatStoreOptions } from "../core/chat/types.js";
import { createChatClient } from "../core/client/create-chat-client.js";
import type { ChatClientOptions, RequestParams } from "../core/client/types.js";
import { pickColloquyOptions, type ColloquyOptions } from "./options.js";
import { useColloquyOptions } from "./provider.js";
import { useClientFor } from "./use-client-for.js";

/** Options of `useChat`: the connection options, and the store's. */
export interface UseChatOptions
  extends ColloquyOptions, Omit<ChatStoreOptions, "client" | "requestParams"> {
  /** Request parameters for every turn of this chat (instructions, tools, background, ...). */
  requestParams?: RequestParams;
  /** Use this store instead of creating one (to share a conversation between components). */
  store?: ChatStore;
}

/** What `useChat` returns: the state, the actions, and the store for selectors. */
export interface UseChatResult extends ChatState {
  /** Adds a user message and asks for the answer (see `ChatStore.send`). */
  send: ChatStore["send"];
  /** Stops the answer being streamed, keeping what arrived. */
  stop: ChatStore["stop"];
  /** Asks again (the last answer, or from a given message). */
  regenerate: ChatStore["regenerate"];
  /** Replaces a user message's text, drops what followed, and asks again. */
  edit: ChatStore["edit"];
  /** Replaces the conversation (and forgets its branches). */
  setMessages: ChatStore["setMessages"];
  /** Shows another version at a branch point (`state.branches`, `branchPosition`). */
  selectBranch: ChatStore["selectBranch"];
  /** Records a client-side tool result; continues once every call is answered. */
  addToolResult: ChatStore["addToolResult"];
  /** Approves or denies a tool call or MCP approval request. */
  respondToApproval: ChatStore["respondToApproval"];
  /** Clears the error. */
  clearError: ChatStore["clearError"];
  /** The store itself, for `useChatSelector`, `useMessage` and `useToolCalls`. */
  store: ChatStore;
  /**
   * The options of the client the requests go through, `baseURL` resolved (the endpoint, or
   * `/api/openai/v1` in browsers): what other calls to the same API (file downloads) use.
   */
  clientOptions: Readonly<ChatClientOptions>;
}

/**
 * A conversation for a component: the store is created once per hook and read with
 * `useSyncExternalStore`. The component re-renders on every published change; for long
 * conversations render rows with `useMessage(store, id)` so only the streaming one updates.
 */
export function useChat(options: UseChatOptions = {}): UseChatResult {
  const connection = useColloquyOptions(pickColloquyOptions(options));
  // The store only streams, so its client loads each API's conversions on first use.
  const client = useClientFor(connection, createChatClient);
  const callbacks = useRef({ onError: options.onError, onFinish: options.onFinish });
  useEffect(() => {
    callbacks.current = { onError: options.onError, onFinish: options.onFinish };
  });
  const [store] = useState(
    () =>
      options.store ??
      new ChatStore({
        ...options,
        client,
        requestParams: options.requestParams,
        // Through a ref, so the latest render's callbacks run without recreating the store.
        onError: (error) => callbacks.current.onError?.(error),
        onFinish: (message) => callbacks.current.onFinish?.(message),
      }),
  );
  useEffect(() => store.attach(), [store]);
  useEffect(() => store.setClient(client), [store, client]);
  const requestParams = options.requestParams;
  useEffect(() => store.setRequestParams(requestParams), [store, requestParams]);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const actions = useMemo(
    () => ({
      send: store.send.bind(store),
      stop: store.stop.bind(store),
      regenerate: store.regenerate.bind(store),
      edit: store.edit.bind(store),
      setMessages: store.setMessages.bind(store),
      selectBranch: store.selectBranch.bind(store),
      addToolResult: store.addToolResult.bind(store),
      respondToApproval: store.respondToApproval.bind(store),
      clearError: store.clearError.bind(store),
      store,
    }),
    [store],
  );
  return { ...state, ...actions, clientOptions: client.options };
}
