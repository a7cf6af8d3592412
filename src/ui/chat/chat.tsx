import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { chooseApi } from "../../core/client/choose-api.js";
import type { ApiChoice, RequestParams, ToolInput } from "../../core/client/types.js";
import type { ComputerExecutor } from "../../core/chat/tool-runner.js";
import type { ComputerCallPart, McpApprovalRequestPart, ToolCallPart } from "../../core/index.js";
import { isToolDefinition } from "../../core/tools/define-tool.js";
import type { AnyToolDefinition } from "../../core/tools/types.js";
import {
  useChat,
  useColloquyOptions,
  useToolCalls,
  type UseChatOptions,
  type UseToolCallsResult,
} from "../../react/index.js";
import type { ImagePolicy } from "../markdown/image-policy.js";
import { Composer } from "../composer/index.js";
import { ChatViewProvider, type PartActions } from "../message/chat-view-context.js";
import { MessageList, type PartRenderers } from "../message/index.js";
import type { MessageFeedback } from "../message-actions/index.js";
import { ChatActionsContext } from "./chat-actions-context.js";
import { DeferredChatMessageActions, preloadChatMessageActions } from "./deferred-chat-actions.js";
import { ChatErrorBanner } from "./chat-error-banner.js";
import { StringsProvider, type UiStrings } from "../strings/index.js";
import { ThemeRoot, type ColloquyTheme } from "../theme/index.js";
import { MAX_ATTACHMENT_BYTES } from "../composer/validate-attachment.js";
import { FileConnectionProvider } from "../citations/file-connection.js";

/** Props of {@link Chat}. */
export interface ChatProps {
  /** Where the OpenAI-compatible API (usually the colloquy proxy) lives, e.g. `/api/openai/v1`. */
  endpoint?: string;
  /** The model, e.g. `gpt-4.1-mini`. */
  model?: string;
  /** Which API to call: `responses`, `chat` or `auto`. */
  api?: ApiChoice;
  /** System instructions for every turn. */
  instructions?: string;
  /**
   * Tools the model may call (keep the array stable between renders). `defineTool` tools
   * run in the browser: their `execute` is called, `needsApproval` ones wait for the user's
   * Approve, errors go back to the model, and the answer goes on until the model replies or
   * `maxSteps` is reached. Built-in tools (web search, MCP, computer use) are offered as
   * they are.
   */
  tools?: readonly ToolInput[];
  /** Model requests per user turn (the first answer included) before stopping. Default 10. */
  maxSteps?: number;
  /** Performs computer-use actions and returns the screenshot (see `useToolCalls`). */
  computer?: ComputerExecutor;
  /** Called when a tool throws (the error text also goes to the model). */
  onToolError?: (error: unknown, toolName: string) => void;
  /** Further request parameters for every turn (temperature, reasoning, ...). */
  requestParams?: Omit<RequestParams, "instructions" | "tools">;
  /** Any other `useChat` option (id, initialMessages, storage, fetch, headers, ...). */
  chatOptions?: Omit<UseChatOptions, "endpoint" | "model" | "api" | "requestParams">;
  /** The palette. Defaults to following the OS (`system`). */
  theme?: ColloquyTheme;
  /** Drop colloquy's own styling. */
  unstyled?: boolean;
  /** Placeholder of the text box. */
  placeholder?: string;
  /** Wording overrides. */
  strings?: Partial<UiStrings>;
  /** Renderers per part type, replacing the built-in ones (keep the object stable). */
  renderers?: PartRenderers;
  /** Shown before the first message. */
  empty?: ReactNode;
  /**
   * Accepted attachments; defaults to the images and PDFs the models read and WAV and MP3
   * audio (sent as `input_audio` on Chat Completions; the Responses API takes no audio, and
   * the composer says so when audio is attached or recorded there).
   */
  accept?: string;
  /** Largest attachment in bytes (default 5 MB, within the proxy's default body limit). */
  maxFileSize?: number;
  /** Token usage under answers. */
  usage?: "compact" | "detailed" | false;
  /**
   * Actions under each finished message: copy, regenerate (earlier answers kept, "1 / 2"),
   * edit and resend, feedback. Default true.
   */
  messageActions?: boolean;
  /** Thumbs up/down and comments on answers, with the message and response id. */
  onFeedback?: (feedback: MessageFeedback) => void;
  /**
   * Which external images in the model's answers load (markdown in text and reasoning, tool
   * output, code-interpreter images): `"click"` (default: a link naming the host, loaded on
   * click), `"allow"`, `"block"`, or a function of the URL returning whether it may load
   * (keep it stable). Generated images and the user's attachments always show.
   */
  images?: ImagePolicy;
  /** Extra class names on the root. */
  className?: string;
}

/** The part actions of every message, each answering through the store's one entry point. */
function approvalActions(respond: UseToolCallsResult["respondToApproval"]): PartActions {
  return {
    onApproveToolCall: (part: ToolCallPart | McpApprovalRequestPart) =>
      respond({ id: approvalId(part), approve: true }),
    onDenyToolCall: (part: ToolCallPart | McpApprovalRequestPart) =>
      respond({ id: approvalId(part), approve: false }),
    onAcknowledgeSafetyChecks: (part: ComputerCallPart) => respond({ id: part.id, approve: true }),
    onDenySafetyChecks: (part: ComputerCallPart) => respond({ id: part.id, approve: false }),
  };
}

/** The id an approval answer refers to, for either kind of call that can wait for one. */
function approvalId(part: ToolCallPart | McpApprovalRequestPart): string {
  if (part.type === "mcp-approval-request") return part.id;
  return part.state === "approval-requested"
    ? (part.approvalId ?? part.toolCallId)
    : part.toolCallId;
}

/**
 * The drop-in chat: the conversation and a composer wired to `useChat`, configured by
 * props. For layouts of your own, compose `useChat`, `<MessageList>` and `<Composer>`.
 */
export function Chat({
  endpoint,
  model,
  api,
  instructions,
  tools,
  maxSteps,
  computer,
  onToolError,
  requestParams,
  chatOptions,
  theme = "system",
  unstyled,
  placeholder,
  strings,
  renderers,
  empty,
  accept = "image/png,image/jpeg,image/webp,image/gif,application/pdf,audio/wav,audio/x-wav,audio/mpeg",
  maxFileSize = MAX_ATTACHMENT_BYTES,
  usage,
  messageActions = true,
  onFeedback,
  images,
  className,
}: ChatProps): ReactNode {
  const params = useMemo<RequestParams>(
    () => ({ ...requestParams, instructions }),
    [requestParams, instructions],
  );
  const chat = useChat({ ...chatOptions, endpoint, model, api, requestParams: params });
  const { runnable, builtin } = useMemo(() => splitTools(tools ?? []), [tools]);
  // The runner offers every tool (its own layer of the request parameters) and runs the
  // ones with `execute`; the model never sees a call left without its output.
  const toolCalls = useToolCalls({
    chat,
    tools: runnable,
    builtinTools: builtin,
    ...(maxSteps === undefined ? {} : { maxSteps }),
    ...(computer ? { computer } : {}),
    ...(onToolError ? { onToolError } : {}),
  });
  const feedback = useRef(onFeedback);
  useEffect(() => {
    feedback.current = onFeedback;
  });
  useEffect(() => {
    // A chunk that cannot load leaves messages without actions; nothing else depends on it.
    if (messageActions) preloadChatMessageActions().catch(() => undefined);
  }, [messageActions]);
  const hasFeedback = onFeedback !== undefined;
  const actions = useMemo(
    () => ({
      store: chat.store,
      ...(hasFeedback ? { onFeedback: (f: MessageFeedback) => feedback.current?.(f) } : {}),
    }),
    [chat.store, hasFeedback],
  );
  // Audio goes only to Chat Completions: refused up front when the turn would go to Responses
  // (the API chosen here, by a provider, or by a given client).
  const connection = useColloquyOptions({ api, client: chatOptions?.client });
  const audioInput =
    chooseApi(connection.client?.options.api ?? connection.api ?? "auto", chat.messages, {
      ...params,
      tools: builtin,
    }) === "chat";
  const content = (
    <ChatLayout
      audioInput={audioInput}
      messageActions={messageActions}
      chat={chat}
      toolCalls={toolCalls}
      placeholder={placeholder}
      renderers={renderers}
      empty={empty}
      accept={accept}
      maxFileSize={maxFileSize}
      usage={usage}
      images={images}
    />
  );
  return (
    <ThemeRoot
      theme={theme}
      unstyled={unstyled}
      className={className ? `colloquy-chat ${className}` : "colloquy-chat"}
    >
      <ChatActionsContext.Provider value={actions}>
        {/* Files the model cites download through the chat's endpoint, headers and fetch. */}
        <FileConnectionProvider value={chat.clientOptions}>
          {strings ? <StringsProvider strings={strings}>{content}</StringsProvider> : content}
        </FileConnectionProvider>
      </ChatActionsContext.Provider>
    </ThemeRoot>
  );
}

/** The tools the browser runs (by name), and the ones offered as they are. */
function splitTools(tools: readonly ToolInput[]): {
  runnable: Record<string, AnyToolDefinition>;
  builtin: readonly ToolInput[];
} {
  const runnable: Record<string, AnyToolDefinition> = {};
  const builtin: ToolInput[] = [];
  for (const tool of tools) {
    if (isToolDefinition(tool)) runnable[tool.name] = tool as AnyToolDefinition;
    else builtin.push(tool);
  }
  return { runnable, builtin };
}

interface ChatLayoutProps {
  chat: ReturnType<typeof useChat>;
  toolCalls: UseToolCallsResult;
  messageActions: boolean;
  placeholder?: string;
  renderers?: PartRenderers;
  empty?: ReactNode;
  accept: string;
  maxFileSize: number;
  audioInput: boolean;
  usage?: "compact" | "detailed" | false;
  images?: ImagePolicy | undefined;
}

function ChatLayout({
  chat,
  toolCalls,
  messageActions,
  placeholder,
  renderers,
  empty,
  accept,
  maxFileSize,
  audioInput,
  usage,
  images,
}: ChatLayoutProps): ReactNode {
  // Stable while the store is, so the memoised messages do not re-render.
  const respond = toolCalls.respondToApproval;
  const partActions = useMemo(() => approvalActions(respond), [respond]);
  // The banner below says what failed; the failed answer need not say it a second time.
  const last = chat.messages.at(-1);
  const errorShownFor =
    chat.error && last?.error?.message === chat.error.message ? last.id : undefined;
  return (
    <ChatViewProvider {...partActions}>
      <MessageList
        className="colloquy-chat__messages"
        messages={chat.messages}
        renderers={renderers}
        empty={empty}
        usage={usage}
        {...(images !== undefined ? { images } : {})}
        {...(errorShownFor ? { errorShownFor } : {})}
        {...(messageActions ? { actions: DeferredChatMessageActions } : {})}
      />
      {chat.error ? (
        <ChatErrorBanner
          error={chat.error}
          onRetry={() => {
            chat.clearError();
            void chat.regenerate();
          }}
        />
      ) : null}
      <Composer
        className="colloquy-chat__composer"
        status={chat.status}
        placeholder={placeholder}
        accept={accept}
        maxFileSize={maxFileSize}
        audioInput={audioInput}
        onSend={(message) => chat.send({ text: message.text, files: message.files })}
        onStop={() => chat.stop()}
      />
    </ChatViewProvider>
  );
}
