/** Building blocks shared by the UI components (controllable state, handlers, refs, slots, ids), for use inside the package; the public list is src/ui/index.ts. */
export { composeEventHandlers } from "./compose-event-handlers.js";
export { composeRefs, setRef, useComposedRefs } from "./compose-refs.js";
export { CopyButton, type CopyButtonProps, type CopyState } from "./copy-button.js";
export { mergeSlotProps, Slot, type SlotProps } from "./slot.js";
export {
  useControllableState,
  type ControllableStateSetter,
  type UseControllableStateOptions,
} from "./use-controllable-state.js";
export { useIds, useStableId } from "./use-ids.js";
