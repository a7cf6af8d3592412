/**
 * Runs the consumer's handler first, then the component's own, unless the consumer
 * called `event.preventDefault()` (so users can opt out of built-in behaviour).
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  consumerHandler: ((event: E) => void) | undefined,
  ownHandler: ((event: E) => void) | undefined,
  { checkForDefaultPrevented = true }: { checkForDefaultPrevented?: boolean } = {},
): (event: E) => void {
  return (event: E) => {
    consumerHandler?.(event);
    if (!checkForDefaultPrevented || !event.defaultPrevented) ownHandler?.(event);
  };
}
