import {
  createContext,
  useContext,
  useRef,
  type HTMLAttributes,
  type MutableRefObject,
  type ReactNode,
} from "react";
import type { Message } from "../../core/index.js";
import { useControllableState } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";

/** What `onFeedback` receives: the rating of one answer, and a comment when one was written. */
export interface MessageFeedback {
  /** The message rated. */
  messageId: string;
  /** The API's response id of the answer, when it has one. */
  responseId?: string;
  /** Thumbs up or down. */
  rating: "up" | "down";
  /** What the user wrote, when they did. */
  comment?: string;
}

/** The versions a message is one of, and how to show another. */
export interface MessageBranch {
  /** The version shown, from 0. */
  active: number;
  /** How many versions there are. */
  count: number;
  /** Shows version `index`. */
  onSelect: (index: number) => void;
}

/** What the action parts read from their `MessageActions.Root`. */
export interface MessageActionsContextValue {
  /** The message acted on. */
  message: Message;
  /** Asks for a new answer in place of this one (the old one is kept as a version). */
  onRegenerate?: (() => void) | undefined;
  /** Sends the edited text of a user message (what followed is kept as a version). */
  onEdit?: ((text: string) => void) | undefined;
  /** Reports a rating (and again with a comment when one is sent). */
  onFeedback?: ((feedback: MessageFeedback) => void) | undefined;
  /** The versions this message is one of, when there are several. */
  branch?: MessageBranch | undefined;
  /** True while the edit box is open. */
  editing: boolean;
  /** Opens or closes the edit box. */
  setEditing: (editing: boolean) => void;
  /** True while an answer streams: actions that ask the model again wait. */
  busy: boolean;
  /** Set when the edit box closes without sending, so `Edit` takes the focus back. */
  refocusEdit: MutableRefObject<boolean>;
}

const MessageActionsContext = createContext<MessageActionsContextValue | undefined>(undefined);

/** The nearest `MessageActions.Root`'s value; throws outside one, naming the part. */
export function useMessageActions(part: string): MessageActionsContextValue {
  const value = useContext(MessageActionsContext);
  if (!value) {
    throw new Error(`<${part}> must be rendered inside <MessageActions.Root message={...}>.`);
  }
  return value;
}

/** Props of {@link MessageActionsRoot}. */
export interface MessageActionsRootProps extends HTMLAttributes<HTMLDivElement> {
  /** The message the actions act on. */
  message: Message;
  /** See {@link MessageActionsContextValue.onRegenerate}. */
  onRegenerate?: (() => void) | undefined;
  /** See {@link MessageActionsContextValue.onEdit}. */
  onEdit?: ((text: string) => void) | undefined;
  /** See {@link MessageActionsContextValue.onFeedback}. */
  onFeedback?: ((feedback: MessageFeedback) => void) | undefined;
  /** See {@link MessageActionsContextValue.branch}. */
  branch?: MessageBranch | undefined;
  /** True while an answer streams. */
  busy?: boolean;
  /** Whether the edit box is open (controlled). */
  editing?: boolean;
  /** Whether the edit box starts open (uncontrolled). */
  defaultEditing?: boolean;
  /** Called when the edit box opens or closes. */
  onEditingChange?: (editing: boolean) => void;
}

/**
 * The actions under one message: a labelled group that gives its parts (`Copy`,
 * `Regenerate`, `Edit`, `EditForm`, `Feedback`, `BranchPicker`) the message and the handlers.
 * `data-state` is `editing` while the edit box is open, else `idle`.
 */
export function MessageActionsRoot({
  message,
  onRegenerate,
  onEdit,
  onFeedback,
  branch,
  busy = false,
  editing: editingProp,
  defaultEditing = false,
  onEditingChange,
  className,
  children,
  ...rest
}: MessageActionsRootProps): ReactNode {
  const strings = useStrings();
  const [editing, setEditing] = useControllableState({
    prop: editingProp,
    defaultProp: defaultEditing,
    onChange: onEditingChange,
  });
  const refocusEdit = useRef(false);
  const value: MessageActionsContextValue = {
    message,
    onRegenerate,
    onEdit,
    onFeedback,
    branch,
    editing,
    setEditing,
    busy,
    refocusEdit,
  };
  return (
    <MessageActionsContext.Provider value={value}>
      <div
        role="group"
        aria-label={strings.messageActions}
        className={["colloquy-message-actions", className].filter(Boolean).join(" ")}
        data-state={editing ? "editing" : "idle"}
        data-role={message.role}
        {...rest}
      >
        {children}
      </div>
    </MessageActionsContext.Provider>
  );
}
