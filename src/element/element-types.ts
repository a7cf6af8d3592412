import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { ApiChoice, ToolInput } from "../core/client/types.js";
import type { ColloquyTheme } from "../ui/theme/index.js";
import type { ColloquyChatElement } from "./colloquy-chat-element.js";
import type { ColloquyChatStrings } from "./element-strings.js";
import type { ColloquyChatEventMap } from "./events.js";
import type { LauncherPosition } from "./launcher.js";

/**
 * What `<colloquy-chat>` takes in React 19 JSX: its attributes, the `tools` and `strings`
 * properties (React 19 sets them as properties), and `on<event>` listeners for its events.
 */
export interface ColloquyChatJsxProps extends DetailedHTMLProps<
  HTMLAttributes<ColloquyChatElement>,
  ColloquyChatElement
> {
  /** Where the OpenAI-compatible API lives. */
  endpoint?: string;
  /** The model. */
  model?: string;
  /** `responses`, `chat` or `auto`. */
  api?: ApiChoice;
  /** System instructions. */
  instructions?: string;
  /** Placeholder of the text box. */
  placeholder?: string;
  /** `light`, `dark` or `system`. */
  theme?: ColloquyTheme;
  /** Persistence key. */
  "storage-id"?: string;
  /** Language tag of the chat's text. */
  locale?: string;
  /** Floating widget mode. */
  launcher?: boolean;
  /** Whether the launcher's panel starts open. */
  open?: boolean;
  /** The launcher's corner. */
  position?: LauncherPosition;
  /** Tools the model may call. */
  tools?: readonly ToolInput[];
  /** Wording overrides. */
  strings?: ColloquyChatStrings;
  /** An answer finished. */
  "oncolloquy-message"?: (event: ColloquyChatEventMap["colloquy-message"]) => void;
  /** A request failed. */
  "oncolloquy-error"?: (event: ColloquyChatEventMap["colloquy-error"]) => void;
  /** The model called a function tool. */
  "oncolloquy-tool-call"?: (event: ColloquyChatEventMap["colloquy-tool-call"]) => void;
  /** The user rated an answer. */
  "oncolloquy-feedback"?: (event: ColloquyChatEventMap["colloquy-feedback"]) => void;
}

declare global {
  interface HTMLElementTagNameMap {
    /** colloquy's drop-in chat element. */
    "colloquy-chat": ColloquyChatElement;
  }
}

declare module "react" {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      /** colloquy's drop-in chat element (import `colloquy/element` to register it). */
      "colloquy-chat": ColloquyChatJsxProps;
    }
  }
}
