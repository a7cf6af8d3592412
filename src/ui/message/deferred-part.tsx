import { Component, Suspense, type CSSProperties, type ReactNode } from "react";
import type { Part } from "../../core/index.js";
import { imageAspectRatio } from "../images/image-aspect-ratio.js";
import { itemTitle } from "../strings/item-title.js";
import { useStrings, type UiStrings } from "../strings/index.js";

/** Props of {@link DeferredPart}. */
export interface DeferredPartProps {
  /** The part whose renderer may still be loading. */
  part: Part;
  /** Shown while it loads; defaults to {@link PartPlaceholder}. */
  fallback?: ReactNode;
  /** The renderer, usually one loaded on first use. */
  children: ReactNode;
}

/**
 * Draws a part whose renderer loads on first use: a placeholder of the same shape meanwhile,
 * and a short note instead of the part if its code cannot be loaded (the rest of the
 * conversation stays on screen).
 */
export function DeferredPart({ part, fallback, children }: DeferredPartProps): ReactNode {
  return (
    <DeferredBoundary
      fallback={fallback ?? <PartPlaceholder part={part} />}
      failed={<PartFailed type={part.type} />}
    >
      {children}
    </DeferredBoundary>
  );
}

/**
 * What stands in for a part while its renderer loads: a card naming what is coming (the
 * tool, the search, the image), sized like the real thing so nothing jumps when it arrives.
 */
export function PartPlaceholder({ part }: { part: Part }): ReactNode {
  const strings = useStrings();
  const label = placeholderLabel(part, strings);
  const spinner = <span className="colloquy-spinner" aria-hidden="true" />;
  if (part.type === "image" && part.origin === "generated") {
    return (
      <figure className="colloquy-generated-image" data-state="loading" aria-busy="true">
        <div
          className="colloquy-generated-image__frame"
          style={{ "--colloquy-image-aspect": imageAspectRatio(part) } as CSSProperties}
        >
          <div className="colloquy-generated-image__placeholder">
            {spinner}
            <span>{label}</span>
          </div>
        </div>
      </figure>
    );
  }
  return (
    <div className="colloquy-part-placeholder" data-part-type={part.type} aria-busy="true">
      <span className="colloquy-part-placeholder__label">{label}</span>
      {spinner}
    </div>
  );
}

function placeholderLabel(part: Part, strings: UiStrings): string {
  switch (part.type) {
    case "tool-call":
      return strings.toolCall(part.toolName);
    case "mcp-call":
    case "mcp-approval-request":
      return strings.mcpToolCall(part.item.server_label, part.item.name);
    case "mcp-list-tools":
      return strings.mcpTools(part.item.server_label);
    case "code-interpreter-call":
      return strings.codeInterpreter;
    case "shell-call":
      return strings.shell;
    case "shell-call-output":
      return strings.shellOutput;
    case "apply-patch-call":
      return strings.diff;
    case "web-search-call":
      return part.state === "completed" ? strings.searched : strings.searching;
    case "file-search-call":
      return part.state === "completed" ? strings.searchedFiles : strings.searchingFiles;
    case "computer-call":
      return strings.computerAction;
    case "image":
      return part.state === "generating" || part.state === "partial"
        ? strings.generatingImage
        : strings.image;
    case "audio":
      return strings.audio;
    default:
      // Item cards (tool search, outputs sent back, items newer than this version): the
      // item's own title, as its card will show it.
      return itemTitle(
        "item" in part ? part.item.type : "originalType" in part ? part.originalType : part.type,
      );
  }
}

/** Props of {@link DeferredBoundary}. */
export interface DeferredBoundaryProps {
  /** Shown while the children's code loads. */
  fallback: ReactNode;
  /** Shown instead of the children when they fail to load or to render. */
  failed: ReactNode;
  /** Content that may suspend while its code loads. */
  children: ReactNode;
}

/** `<Suspense>` with an error boundary: content loaded on first use, and what to show if not. */
export function DeferredBoundary({ fallback, failed, children }: DeferredBoundaryProps): ReactNode {
  return (
    <ErrorBoundary failed={failed}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </ErrorBoundary>
  );
}

interface ErrorBoundaryProps {
  failed: ReactNode;
  children: ReactNode;
}

// React only catches render errors in a class component; this keeps one failed part (its
// code did not load, or it threw) from blanking the whole conversation.
class ErrorBoundary extends Component<ErrorBoundaryProps, { hasFailed: boolean }> {
  override state = { hasFailed: false };

  static getDerivedStateFromError(): { hasFailed: boolean } {
    return { hasFailed: true };
  }

  override render(): ReactNode {
    return this.state.hasFailed ? this.props.failed : this.props.children;
  }
}

function PartFailed({ type }: { type: string }): ReactNode {
  const strings = useStrings();
  return (
    <div className="colloquy-message__unknown-part" data-part-type={type} role="note">
      {strings.partFailed(type)}
    </div>
  );
}
