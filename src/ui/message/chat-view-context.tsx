import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { ComputerCallPart, McpApprovalRequestPart, ToolCallPart } from "../../core/index.js";
import type { UrlPolicy } from "../markdown/url-policy.js";
import type { PartRenderers } from "./part-renderers.js";

/** Actions the built-in part renderers can trigger. */
export interface PartActions {
  /** A function tool call or MCP call was approved. */
  onApproveToolCall?: ((part: ToolCallPart | McpApprovalRequestPart) => void) | undefined;
  /** A function tool call or MCP call was denied. */
  onDenyToolCall?: ((part: ToolCallPart | McpApprovalRequestPart) => void) | undefined;
  /** Pending computer-use safety checks were acknowledged. */
  onAcknowledgeSafetyChecks?: ((part: ComputerCallPart) => void) | undefined;
  /** Pending computer-use safety checks were refused (the agent stops). */
  onDenySafetyChecks?: ((part: ComputerCallPart) => void) | undefined;
}

/**
 * What every part of a conversation is rendered with: the approval actions, the renderer
 * overrides, logprobs, and the URL and image policies. Given once (by `<MessageList>`,
 * `<Chat>` or a `<ChatViewProvider>` of a custom layout), read by each `<PartView>`.
 */
export interface ChatViewSettings extends PartActions, UrlPolicy {
  /** Overrides per part type (keep the object stable so memoisation holds). */
  renderers?: PartRenderers | undefined;
  /** Show text parts that carry logprobs as tinted tokens instead of markdown. */
  showLogprobs?: boolean | undefined;
}

/** The keys of `ChatViewSettings`, to take them off a component's props in one place. */
const SETTINGS = [
  "renderers",
  "showLogprobs",
  "onApproveToolCall",
  "onDenyToolCall",
  "onAcknowledgeSafetyChecks",
  "onDenySafetyChecks",
  "linkProtocols",
  "imageProtocols",
  "images",
] as const satisfies readonly (keyof ChatViewSettings)[];

const NONE: ChatViewSettings = {};

const ChatViewContext = createContext<ChatViewSettings>(NONE);

/**
 * Splits a component's props into the view settings given (undefined ones left out, so they
 * do not hide the surrounding context's) and the rest.
 */
export function splitViewSettings<P extends ChatViewSettings>(
  props: P,
): [ChatViewSettings, Omit<P, keyof ChatViewSettings>] {
  const given: Record<string, unknown> = {};
  const rest = { ...props } as Record<string, unknown>;
  for (const key of SETTINGS) {
    if (props[key] !== undefined) given[key] = props[key];
    delete rest[key];
  }
  return [given as ChatViewSettings, rest as Omit<P, keyof ChatViewSettings>];
}

/**
 * The settings parts are rendered with here: those given over the surrounding provider's.
 * Outside any provider, only those given: no approval buttons without an action.
 */
export function useChatView(given: ChatViewSettings = NONE): ChatViewSettings {
  const around = useContext(ChatViewContext);
  return Object.keys(given).length === 0 ? around : { ...around, ...given };
}

/** Props of {@link ChatViewProvider}. */
export interface ChatViewProviderProps extends ChatViewSettings {
  /** The conversation's views (a `<MessageList>`, `<Message>`s or `<PartView>`s). */
  children?: ReactNode;
}

/**
 * Gives every part inside the actions and settings it is rendered with, so they are not
 * passed through each list, message and part. Settings given here win over an enclosing
 * provider's; a `<PartView>`'s own props win over both.
 */
export function ChatViewProvider({ children, ...props }: ChatViewProviderProps): ReactNode {
  const [given] = splitViewSettings(props);
  const around = useContext(ChatViewContext);
  // One value while no setting changed (the list of keys is fixed, so are the dependencies),
  // so the memoised messages below do not re-render.
  const value = useMemo(
    () => ({ ...around, ...given }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [around, ...SETTINGS.map((key) => given[key])],
  );
  return <ChatViewContext.Provider value={value}>{children}</ChatViewContext.Provider>;
}
