import { useLayoutEffect, type RefObject } from "react";

/**
 * Grows a textarea with its content (up to its CSS `max-height`, after which it scrolls)
 * and shrinks it again when text is removed.
 */
export function useAutosize(ref: RefObject<HTMLTextAreaElement | null>, value: string): void {
  useLayoutEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    // Reset first so the scroll height reflects the content, not the previous height.
    textarea.style.height = "auto";
    if (textarea.scrollHeight > 0) textarea.style.height = `${textarea.scrollHeight}px`;
  }, [ref, value]);
}
