import { useId } from "react";

/**
 * A stable, SSR-safe id for a component instance, with a readable prefix. A caller's
 * own id wins, so consumers can point `aria-*` attributes at known ids.
 */
export function useStableId(prefix: string, providedId?: string): string {
  const generated = useId();
  return providedId ?? `colloquy-${prefix}-${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

/**
 * Several related ids from one base (e.g. a trigger and the panel it controls):
 * `useIds("reasoning", ["trigger", "content"])` gives `{ trigger, content }`.
 */
export function useIds<const K extends string>(
  prefix: string,
  parts: readonly K[],
  providedId?: string,
): Record<K, string> {
  const base = useStableId(prefix, providedId);
  const ids = {} as Record<K, string>;
  for (const part of parts) ids[part] = `${base}-${part}`;
  return ids;
}
