import {
  Children,
  cloneElement,
  isValidElement,
  type HTMLAttributes,
  type ReactElement,
  type ReactNode,
  type Ref,
} from "react";
import { composeRefs } from "./compose-refs.js";

/** Props of {@link Slot}: any HTML attributes, plus the single child to merge them into. */
export interface SlotProps extends HTMLAttributes<HTMLElement> {
  /** Exactly one element; it receives the slot's props merged with its own. */
  children?: ReactNode;
  /** Forwarded to the child alongside the child's own ref. */
  ref?: Ref<HTMLElement>;
}

type AnyProps = Record<string, unknown>;

/** Merges slot props into child props: handlers both run (child first), classes and styles join. */
export function mergeSlotProps(slotProps: AnyProps, childProps: AnyProps): AnyProps {
  const merged: AnyProps = { ...slotProps, ...childProps };
  for (const key of Object.keys(slotProps)) {
    const slotValue = slotProps[key];
    const childValue = childProps[key];
    if (/^on[A-Z]/.test(key) && typeof slotValue === "function") {
      merged[key] =
        typeof childValue === "function"
          ? (...args: unknown[]) => {
              (childValue as (...a: unknown[]) => unknown)(...args);
              (slotValue as (...a: unknown[]) => unknown)(...args);
            }
          : slotValue;
    } else if (key === "className") {
      merged[key] = [slotValue, childValue].filter(Boolean).join(" ");
    } else if (key === "style") {
      merged[key] = { ...(slotValue as object), ...(childValue as object) };
    }
  }
  return merged;
}

/**
 * Renders its only child with the slot's props merged in: the `asChild` pattern, so a
 * component's behaviour and attributes can land on the consumer's own element.
 */
export function Slot({ children, ref, ...slotProps }: SlotProps): ReactNode {
  if (!isValidElement(children)) {
    return Children.count(children) > 1 ? Children.only(children) : null;
  }
  const child = children as ReactElement<AnyProps & { ref?: Ref<HTMLElement> }>;
  const childRef = child.props.ref;
  return cloneElement(child, {
    ...mergeSlotProps(slotProps as AnyProps, child.props),
    ref: ref && childRef ? composeRefs(ref, childRef) : (ref ?? childRef),
  });
}
