import { useCallback, useRef, useState } from "react";

/** Options of {@link useControllableState}. */
export interface UseControllableStateOptions<T> {
  /** The controlled value. When not `undefined`, the component is controlled. */
  prop?: T | undefined;
  /** The initial value when uncontrolled. */
  defaultProp: T;
  /** Called with every requested change, controlled or not (not when the value is unchanged). */
  onChange?: ((value: T) => void) | undefined;
}

/** A state setter that accepts a value or an updater of the current value. */
export type ControllableStateSetter<T> = (next: T | ((previous: T) => T)) => void;

/**
 * State that a parent may own (`prop` + `onChange`) or leave to the component
 * (`defaultProp`). Returns `[value, setValue]` like `useState`; in controlled mode
 * `setValue` only asks the parent through `onChange`.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
}: UseControllableStateOptions<T>): [T, ControllableStateSetter<T>] {
  const [uncontrolled, setUncontrolled] = useState<T>(defaultProp);
  const isControlled = prop !== undefined;
  const value = isControlled ? (prop as T) : uncontrolled;

  // Refs keep the setter stable across renders while reading the latest value and handler.
  const valueRef = useRef(value);
  valueRef.current = value;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const controlledRef = useRef(isControlled);
  controlledRef.current = isControlled;

  const setValue = useCallback<ControllableStateSetter<T>>((next) => {
    const previous = valueRef.current;
    const resolved =
      typeof next === "function" ? (next as (previous: T) => T)(previous) : (next as T);
    if (Object.is(resolved, previous)) return;
    if (!controlledRef.current) {
      valueRef.current = resolved;
      setUncontrolled(resolved);
    }
    onChangeRef.current?.(resolved);
  }, []);

  return [value, setValue];
}
