import type { ReactNode } from "react";
import type { Part, PartType } from "../../core/index.js";
import { ImagePolicyProvider } from "../markdown/image-policy.js";
import type { UrlPolicy } from "../markdown/url-policy.js";
import { splitViewSettings, useChatView, type ChatViewSettings } from "./chat-view-context.js";
import { useStrings } from "../strings/index.js";
import { DeferredBoundary, DeferredPart } from "./deferred-part.js";
import {
  DeferredAudioPart,
  DeferredComputerPart,
  DeferredImagePart,
  DeferredItemPart,
  DeferredLogprobs,
  DeferredSearchPart,
  DeferredReasoning,
  DeferredSources,
  DeferredText,
  DeferredToolPart,
} from "./deferred-part-views.js";
import { PlainTextPart } from "./plain-text-part.js";
import type { PartRenderContext, PartRenderer } from "./part-renderers.js";

/**
 * Props of {@link PartView}. The actions and settings (approval callbacks, renderers,
 * logprobs, URL and image policies) come from the surrounding `<MessageList>`, `<Chat>` or
 * `<ChatViewProvider>`; given here, they win over it.
 */
export interface PartViewProps extends ChatViewSettings {
  /** The part to render. */
  part: Part;
  /** Where it is. */
  context: PartRenderContext;
}

/**
 * Renders any part: the override for its type if given, else the built-in component. An
 * `images` policy given here reaches everything inside the part (reasoning summaries, tool
 * cards, markdown), through context.
 */
export function PartView(props: PartViewProps): ReactNode {
  const [given, { part, context }] = splitViewSettings(props);
  const settings = useChatView(given);
  const { renderers, images } = settings;
  const override = renderers?.[part.type] as PartRenderer<PartType> | undefined;
  const custom = override?.(part as never, context);
  const view = custom !== undefined ? custom : <BuiltinPart part={part} settings={settings} />;
  return images === undefined ? (
    view
  ) : (
    <ImagePolicyProvider value={images}>{view}</ImagePolicyProvider>
  );
}

function BuiltinPart({ part, settings }: { part: Part; settings: ChatViewSettings }): ReactNode {
  const { showLogprobs } = settings;
  const strings = useStrings();
  const policy: UrlPolicy = {
    linkProtocols: settings.linkProtocols,
    imageProtocols: settings.imageProtocols,
    images: settings.images,
  };
  switch (part.type) {
    case "text": {
      const plain = <PlainTextPart text={part.text} streaming={part.state === "streaming"} />;
      const text = (
        <>
          <DeferredBoundary fallback={plain} failed={plain}>
            <DeferredText part={part} {...policy} />
          </DeferredBoundary>
          {part.annotations?.length && part.state !== "streaming" ? (
            // Until the list has loaded the answer shows without it; nothing else waits on it.
            <DeferredBoundary fallback={null} failed={null}>
              <DeferredSources annotations={part.annotations} text={part.text} policy={policy} />
            </DeferredBoundary>
          ) : null}
        </>
      );
      if (!showLogprobs || !part.logprobs?.length) return text;
      // Until the token view has loaded, the same words show as ordinary text.
      return (
        <DeferredPart part={part} fallback={text}>
          <DeferredLogprobs part={part} />
        </DeferredPart>
      );
    }
    case "refusal":
      return (
        <p className="colloquy-message__refusal" role="note" data-state={part.state ?? "done"}>
          <span className="colloquy-message__refusal-label">{strings.refusal}: </span>
          {part.refusal}
        </p>
      );
    case "reasoning":
      return (
        <DeferredPart part={part}>
          <DeferredReasoning part={part} />
        </DeferredPart>
      );
    case "image":
      return (
        <DeferredPart part={part}>
          <DeferredImagePart part={part} />
        </DeferredPart>
      );
    case "file":
      return (
        <span className="colloquy-message__file" data-media-type={part.mediaType}>
          {part.filename ?? part.fileId ?? strings.file}
        </span>
      );
    case "audio":
      return (
        <DeferredPart part={part}>
          <DeferredAudioPart part={part} />
        </DeferredPart>
      );
    case "web-search-call":
    case "file-search-call":
      return (
        <DeferredPart part={part}>
          <DeferredSearchPart part={part} />
        </DeferredPart>
      );
    case "computer-call":
      return (
        <DeferredPart part={part}>
          <DeferredComputerPart
            part={part}
            onAcknowledgeSafetyChecks={settings.onAcknowledgeSafetyChecks}
            onDenySafetyChecks={settings.onDenySafetyChecks}
          />
        </DeferredPart>
      );
    case "tool-call":
    case "code-interpreter-call":
    case "mcp-call":
    case "mcp-list-tools":
    case "mcp-approval-request":
    case "shell-call":
    case "shell-call-output":
    case "apply-patch-call":
      return (
        <DeferredPart part={part}>
          <DeferredToolPart
            part={part}
            onApproveToolCall={settings.onApproveToolCall}
            onDenyToolCall={settings.onDenyToolCall}
          />
        </DeferredPart>
      );
    case "compaction":
      // A quiet divider: nothing stands in for it while it loads, nor if it cannot.
      return (
        <DeferredBoundary fallback={null} failed={null}>
          <DeferredItemPart part={part} />
        </DeferredBoundary>
      );
    case "tool-search-call":
    case "tool-search-output":
    case "computer-call-output":
    case "mcp-approval-response":
    case "apply-patch-call-output":
    case "unknown":
      return (
        <DeferredPart part={part}>
          <DeferredItemPart part={part} />
        </DeferredPart>
      );
    default:
      // Every part type has a view: a new one fails to compile here until it gets one.
      return assertNever(part);
  }
}

function assertNever(part: never): never {
  throw new Error(`No view for part type "${(part as { type: string }).type}".`);
}
