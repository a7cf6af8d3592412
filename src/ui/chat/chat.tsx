import { useMemo, type ReactNode } from "react";
import type { ApiChoice, RequestParams, ToolInput } from "../../core/client/types.js";
import type { McpApprovalRequestPart, ToolCallPart } from "../../core/index.js";
import type { ImagePolicy } from "../markdown/image-policy.js";
import { useChat, type UseChatOptions } from "../../react/index.js";
import { Composer } from "../composer/index.js";
import { MessageList, type PartRenderers } from "../message/index.js";
import { StringsProvider, useStrings, type UiStrings } from "../strings/index.js";
import { ThemeRoot, type ColloquyTheme } from "../theme/index.js";
import { MAX_ATTACHMENT_BYTES } from "../composer/validate-attachment.js";

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
  /** Tools the model may call (keep the array stable between renders). */
  tools?: readonly ToolInput[];
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
  /** Accepted attachments; defaults to the images and PDFs the models read. */
  accept?: string;
  /** Largest attachment in bytes (default 5 MB, within the proxy's default body limit). */
  maxFileSize?: number;
  /** Token usage under answers. */
  usage?: "compact" | "detailed" | false;
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
  requestParams,
  chatOptions,
  theme = "system",
  unstyled,
  placeholder,
  strings,
  renderers,
  empty,
  accept = "image/png,image/jpeg,image/webp,image/gif,application/pdf",
  maxFileSize = MAX_ATTACHMENT_BYTES,
  usage,
  images,
  className,
}: ChatProps): ReactNode {
  const params = useMemo<RequestParams>(
    () => ({ ...requestParams, instructions, tools }),
    [requestParams, instructions, tools],
  );
  const chat = useChat({ ...chatOptions, endpoint, model, api, requestParams: params });
  const content = (
    <ChatLayout
      chat={chat}
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
      {strings ? <StringsProvider strings={strings}>{content}</StringsProvider> : content}
    </ThemeRoot>
  );
}

interface ChatLayoutProps {
  chat: ReturnType<typeof useChat>;
  placeholder?: string;
  renderers?: PartRenderers;
  empty?: ReactNode;
  accept: string;
  maxFileSize: number;
  usage?: "compact" | "detailed" | false;
  images?: ImagePolicy | undefined;
}

function ChatLayout({
  chat,
  placeholder,
  renderers,
  empty,
  accept,
  maxFileSize,
  usage,
  images,
}: ChatLayoutProps): ReactNode {
  const ui = useStrings();
  const respond = (approve: boolean) => (part: ToolCallPart | McpApprovalRequestPart) =>
    chat.respondToApproval({ id: approvalId(part), approve });
  // The banner below says what failed; the failed answer need not say it a second time.
  const last = chat.messages.at(-1);
  const errorShownFor =
    chat.error && last?.error?.message === chat.error.message ? last.id : undefined;
  return (
    <>
      <MessageList
        className="colloquy-chat__messages"
        messages={chat.messages}
        renderers={renderers}
        empty={empty}
        usage={usage}
        {...(images !== undefined ? { images } : {})}
        {...(errorShownFor ? { errorShownFor } : {})}
        onApproveToolCall={respond(true)}
        onDenyToolCall={respond(false)}
      />
      {chat.error ? (
        <div className="colloquy-chat__error" role="alert">
          <span>{chat.error.message}</span>
          <button
            type="button"
            className="colloquy-button"
            data-variant="secondary"
            onClick={() => {
              chat.clearError();
              void chat.regenerate();
            }}
          >
            {ui.retry}
          </button>
        </div>
      ) : null}
      <Composer
        className="colloquy-chat__composer"
        status={chat.status}
        placeholder={placeholder}
        accept={accept}
        maxFileSize={maxFileSize}
        onSend={(message) => chat.send({ text: message.text, files: message.files })}
        onStop={() => chat.stop()}
      />
    </>
  );
}
