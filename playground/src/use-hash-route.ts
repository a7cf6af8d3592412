import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

const readHash = () => window.location.hash.replace(/^#\/?/, "");

/** The page named by the URL hash (`#/images` -> `images`), `fallback` when there is none. */
export function useHashRoute<Route extends string>(
  routes: readonly Route[],
  fallback: Route,
): Route {
  const hash = useSyncExternalStore(subscribe, readHash, () => "");
  return (routes as readonly string[]).includes(hash) ? (hash as Route) : fallback;
}
