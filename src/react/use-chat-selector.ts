import { useCallback, useRef, useSyncExternalStore } from "react";
import type { ChatStore } from "../core/chat/chat-store.js";
import type { ChatState } from "../core/chat/types.js";
import type { Message } from "../core/model/message.js";

/**
 * Reads a slice of a store's state. The component re-renders only when the slice changes
 * (by `isEqual`, default `Object.is`), so a list can subscribe to ids and each row to its
 * own message.
 */
export function useChatSelector<Selected>(
  store: ChatStore,
  selector: (state: ChatState) => Selected,
  isEqual: (a: Selected, b: Selected) => boolean = Object.is,
): Selected {
  const cache = useRef<
    { state: ChatState; selector: (state: ChatState) => Selected; selected: Selected } | undefined
  >(undefined);
  const select = useCallback(() => {
    const state = store.getSnapshot();
    const previous = cache.current;
    if (previous && previous.state === state && previous.selector === selector) {
      return previous.selected;
    }
    const next = selector(state);
    const selected = previous && isEqual(previous.selected, next) ? previous.selected : next;
    cache.current = { state, selector, selected };
    return selected;
  }, [store, selector, isEqual]);
  return useSyncExternalStore(store.subscribe, select, select);
}

const indexes = new WeakMap<readonly Message[], Map<string, Message>>();

/** The message with `id`, looked up once per state through an index shared by all rows. */
export function messageById(messages: readonly Message[], id: string): Message | undefined {
  let index = indexes.get(messages);
  if (!index) {
    index = new Map(messages.map((message) => [message.id, message]));
    indexes.set(messages, index);
  }
  return index.get(id);
}

/** One message of a store; re-renders only when that message changes. */
export function useMessage(store: ChatStore, id: string): Message | undefined {
  return useChatSelector(store, (state) => messageById(state.messages, id));
}

/** The ids of a store's messages; re-renders only when a message is added, removed or moved. */
export function useMessageIds(store: ChatStore): readonly string[] {
  return useChatSelector(store, (state) => state.messages.map((m) => m.id), shallowEqual);
}

/** True when two arrays hold the same items in the same order. */
export function shallowEqual<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}
