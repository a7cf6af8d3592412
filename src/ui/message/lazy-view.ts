import { createElement, use, type ComponentType, type ReactNode } from "react";

/** A component whose code arrives on first render, with a way to fetch it ahead of time. */
export interface LazyView<P extends object> {
  /** Renders the loaded component; suspends (for the nearest `<Suspense>`) until it is loaded. */
  (props: P): ReactNode;
  /** Starts loading now; resolves once later renders can draw without suspending. */
  preload: () => Promise<void>;
}

/**
 * Wraps a dynamically imported component. Once the code is in, every later mount renders in
 * the same pass (no fallback frame), even when it arrived through `preload` before any render.
 * A failed load stays failed (the error goes to the nearest error boundary), as a reload is
 * what brings the code back.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let pending: Promise<ComponentType<P>> | undefined;
  const start = (): Promise<ComponentType<P>> => {
    if (pending) return pending;
    const promise = load();
    // Tagged with its outcome the way `use` reads a promise, so once settled (even through
    // `preload`, before any render) it is read in the same pass instead of suspending.
    promise.then(
      (component) => {
        Object.assign(promise, { status: "fulfilled", value: component });
      },
      (reason: unknown) => {
        Object.assign(promise, { status: "rejected", reason });
      },
    );
    return (pending = promise);
  };
  function View(props: P): ReactNode {
    return createElement(use(start()), props);
  }
  return Object.assign(View, {
    preload: () => start().then(() => undefined),
  });
}
