import type { ComputerCallPart } from "../../core/index.js";
import type { UiStrings } from "../strings/index.js";

/** One computer-use action (OpenAI's action union). */
export type ComputerAction = NonNullable<ComputerCallPart["item"]["action"]>;

/** The actions of a computer call: the batched `actions` list, or the single `action`. */
export function computerActions(part: ComputerCallPart): ComputerAction[] {
  const batched = (part.item as { actions?: unknown }).actions;
  if (Array.isArray(batched) && batched.length > 0) return batched as ComputerAction[];
  return part.item.action ? [part.item.action] : [];
}

/** Keys as people write them: `CTRL+S`, `ENTER`. */
export function formatKeys(keys: readonly string[] | null | undefined): string {
  return (keys ?? []).join("+");
}

/** A scroll amount as an arrow and pixels: `↓ 300px`, `→ 120px`. */
export function formatScroll(scrollX: number, scrollY: number): string {
  const parts: string[] = [];
  if (scrollY !== 0) parts.push(`${scrollY > 0 ? "↓" : "↑"} ${Math.abs(scrollY)}px`);
  if (scrollX !== 0) parts.push(`${scrollX > 0 ? "→" : "←"} ${Math.abs(scrollX)}px`);
  return parts.join(" ") || "0px";
}

/** One sentence saying what an action does, for captions and screen readers. */
export function describeComputerAction(action: ComputerAction, strings: UiStrings): string {
  switch (action.type) {
    case "click":
      return withKeys(strings.computerClick(action.button, action.x, action.y), action.keys);
    case "double_click":
      return withKeys(strings.computerDoubleClick(action.x, action.y), action.keys);
    case "drag": {
      const first = action.path[0];
      const last = action.path[action.path.length - 1];
      const point = (p: { x: number; y: number } | undefined) => (p ? `${p.x}, ${p.y}` : "?");
      return withKeys(strings.computerDrag(point(first), point(last)), action.keys);
    }
    case "keypress":
      return strings.computerKeypress(formatKeys(action.keys));
    case "move":
      return withKeys(strings.computerMove(action.x, action.y), action.keys);
    case "scroll":
      return strings.computerScroll(
        formatScroll(action.scroll_x, action.scroll_y),
        action.x,
        action.y,
      );
    case "type":
      return strings.computerType(action.text);
    case "wait":
      return strings.computerWait;
    case "screenshot":
      return strings.computerScreenshot;
    default:
      return strings.computerAction;
  }
}

function withKeys(text: string, keys: readonly string[] | null | undefined): string {
  return keys && keys.length > 0 ? `${formatKeys(keys)} + ${text}` : text;
}
