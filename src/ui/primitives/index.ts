/** Building blocks shared by the UI components: controllable state, handlers, refs, slots, ids. */
export * from "./use-controllable-state.js";
export * from "./compose-event-handlers.js";
export * from "./compose-refs.js";
export * from "./slot.js";
export * from "./use-ids.js";
export * from "./copy-button.js";
