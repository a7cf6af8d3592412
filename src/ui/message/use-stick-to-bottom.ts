import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";

/** What {@link useStickToBottom} returns. */
export interface StickToBottom {
  /** Attach to the scrolling element. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Attach to the content inside it (its size changes are watched). */
  contentRef: RefObject<HTMLDivElement | null>;
  /** True while the view follows new content. */
  stuck: boolean;
  /** Scrolls to the end and follows new content again. */
  scrollToBottom: (behavior?: ScrollBehavior) => void;
  /** Call from the scroller's `onScroll`. */
  onScroll: () => void;
}

/**
 * Keeps a scroller pinned to its end while content grows, until the user scrolls up;
 * scrolling back to the end (or `scrollToBottom`) pins it again.
 */
export function useStickToBottom(threshold = 48): StickToBottom {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const contentRef = useRef<HTMLDivElement | null>(null);
  const [stuck, setStuck] = useState(true);
  const stuckRef = useRef(true);
  const lastScrollTop = useRef(0);

  const setStuckBoth = useCallback((value: boolean) => {
    stuckRef.current = value;
    setStuck(value);
  }, []);

  const pin = useCallback(() => {
    const element = scrollRef.current;
    if (element && stuckRef.current) {
      element.scrollTop = element.scrollHeight;
      lastScrollTop.current = element.scrollTop;
    }
  }, []);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    const movedUp = element.scrollTop < lastScrollTop.current - 1;
    lastScrollTop.current = element.scrollTop;
    if (distance <= threshold) {
      if (!stuckRef.current) setStuckBoth(true);
    } else if (movedUp && stuckRef.current) {
      // Only the user moves the view up; growth below never does.
      setStuckBoth(false);
    }
  }, [threshold, setStuckBoth]);

  const scrollToBottom = useCallback(
    (behavior: ScrollBehavior = "smooth") => {
      const element = scrollRef.current;
      setStuckBoth(true);
      if (!element) return;
      if (typeof element.scrollTo === "function")
        element.scrollTo({ top: element.scrollHeight, behavior });
      else element.scrollTop = element.scrollHeight;
    },
    [setStuckBoth],
  );

  // Content changed through React: follow it before the browser paints.
  useLayoutEffect(pin);

  // Content changed on its own (images loading, a panel opening): follow that too.
  useEffect(() => {
    const content = contentRef.current;
    if (!content || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => pin());
    observer.observe(content);
    return () => observer.disconnect();
  }, [pin]);

  return { scrollRef, contentRef, stuck, scrollToBottom, onScroll };
}
