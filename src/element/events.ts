import type { Message, ToolCallPart } from "../core/index.js";

/** `detail` of `colloquy-message`: an assistant answer finished (complete, incomplete, failed or stopped). */
export interface ColloquyMessageDetail {
  /** The finished assistant message. */
  message: Message;
}

/** `detail` of `colloquy-error`: a request failed (the chat also shows the error). */
export interface ColloquyErrorDetail {
  /** What went wrong; a `ColloquyError` or `APIError` from `colloquy` carries a `code`. */
  error: Error;
}

/** `detail` of `colloquy-tool-call`: the model called a function tool and its arguments are complete. */
export interface ColloquyToolCallDetail {
  /** The assistant message holding the call. */
  messageId: string;
  /** The call's id, which a result refers to. */
  toolCallId: string;
  /** The function's name. */
  toolName: string;
  /** The parsed arguments. */
  input: unknown;
  /** The call's state when it was announced (`input-available` or `approval-requested`). */
  state: ToolCallPart["state"];
  /**
   * Sends the tool's result (a string or JSON value) to the model; the answer continues once
   * every call of the turn is answered. Tools with an `execute` run by themselves and need not
   * be answered here.
   */
  respond: (output: unknown) => void;
}

/** `detail` of `colloquy-feedback`: the user rated an answer. */
export interface ColloquyFeedbackDetail {
  /** The rated assistant message's id. */
  messageId: string;
  /** Thumbs up or down. */
  rating: "up" | "down";
}

/** Every event `<colloquy-chat>` fires, by name: each a `CustomEvent` that bubbles and crosses shadow roots. */
export interface ColloquyChatEventMap {
  /** An assistant answer finished. */
  "colloquy-message": CustomEvent<ColloquyMessageDetail>;
  /** A request failed. */
  "colloquy-error": CustomEvent<ColloquyErrorDetail>;
  /** The model called a function tool. */
  "colloquy-tool-call": CustomEvent<ColloquyToolCallDetail>;
  /** The user rated an answer. */
  "colloquy-feedback": CustomEvent<ColloquyFeedbackDetail>;
}

/** Fires one of the element's events: bubbling and composed, so a listener on `document` hears it. */
export function fireColloquyEvent<Name extends keyof ColloquyChatEventMap>(
  target: EventTarget,
  name: Name,
  detail: ColloquyChatEventMap[Name]["detail"],
): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
