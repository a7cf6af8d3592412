import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { useControllableState, useIds } from "../primitives/index.js";
import type { ComposerAttachment } from "./attachment-list.js";
import { readImagePreview } from "./file-preview.js";
import { validateAttachment, type AttachmentProblem } from "./validate-attachment.js";

/** Where the conversation is, as the composer needs to know it. */
export type ComposerStatus = "ready" | "submitted" | "streaming" | "error";

/** What the composer hands over on send: the text and the attached files. */
export interface ComposerMessage {
  /** The text, trimmed of surrounding whitespace. */
  text: string;
  /** The files attached, in order. */
  files: File[];
}

/** What a composer is given: where the conversation is, what to do on send, what it accepts. */
export interface ComposerOptions {
  /** Called with the message when the user sends. */
  onSend: (message: ComposerMessage) => void | Promise<unknown>;
  /** Called when the user stops a response in progress. */
  onStop?: () => void;
  /** `submitted` or `streaming` shows the stop button and holds sending. Defaults to `ready`. */
  status?: ComposerStatus;
  /** The text, when the parent owns it. */
  value?: string;
  /** The initial text when the composer owns it. */
  defaultValue?: string;
  /** Called whenever the text changes (typing, sending clears it). */
  onValueChange?: (value: string) => void;
  /** Accepted attachments, as for `<input type="file" accept>`; e.g. `"image/*,application/pdf"`. */
  accept?: string;
  /** Largest attachment in bytes. */
  maxFileSize?: number;
  /** Set to false to hide the attach button and ignore pasted and dropped files. */
  allowAttachments?: boolean;
  /** Disables the whole composer. */
  disabled?: boolean;
  /**
   * Whether the messages go where audio is taken (Chat Completions `input_audio`). Set to
   * false for the Responses API, which takes none: audio files and the record button are
   * then refused with a message saying what to do, before anything is sent. Default true.
   */
  audioInput?: boolean;
}

/** A refused file and why, as shown under the composer. */
export interface RejectedFile {
  /** Stable key for the list. */
  id: string;
  /** The file's name, as the user knows it. */
  name: string;
  /** Why it was refused. */
  problem: AttachmentProblem;
}

/** The state every part of one composer shares, from {@link useComposerState}. */
export interface ComposerState {
  /** The text in the box. */
  value: string;
  /** Replaces the text. */
  setValue: (value: string) => void;
  /** Files waiting to be sent. */
  attachments: readonly ComposerAttachment[];
  /** Removes one waiting file. */
  removeAttachment: (id: string) => void;
  /** Files refused by the last pick, paste or drop. */
  rejected: readonly RejectedFile[];
  /** Validates files and adds the accepted ones (ignored when attachments are off). */
  addFiles: (files: Iterable<File>) => void;
  /** Shows a problem under the composer (a failed recording), in place of the last ones. */
  refuse: (name: string, problem: AttachmentProblem) => void;
  /** Sends the text and files, if there is something to send and nothing in progress. */
  send: () => void;
  /** True when {@link ComposerState.send} would send. */
  canSend: boolean;
  /** True while a response is in progress (`submitted` or `streaming`). */
  busy: boolean;
  /** True while files are dragged over the composer. */
  dragging: boolean;
  /** Sets {@link ComposerState.dragging}. */
  setDragging: (dragging: boolean) => void;
  /** The conversation's status as given. */
  status: ComposerStatus;
  /** Stops the response in progress, when the composer was given a way to. */
  onStop?: () => void;
  /** Whether files may be attached. */
  allowAttachments: boolean;
  /** Accepted file types, as given. */
  accept?: string;
  /** Whether audio may be sent, as given. */
  audioInput: boolean;
  /** True when the whole composer is disabled. */
  disabled: boolean;
  /** The text box, for focus after sending. */
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** The hidden file input the attach button opens. */
  fileInputRef: RefObject<HTMLInputElement | null>;
  /** True while an input method is composing (Enter then belongs to it). */
  composingRef: RefObject<boolean>;
  /** Ids tying the parts together for assistive technology. */
  ids: { input: string; errors: string; file: string };
}

let nextAttachmentId = 0;

/** The composer's state and actions, shared by its parts through `Composer.Root`. */
export function useComposerState({
  onSend,
  onStop,
  status = "ready",
  value: valueProp,
  defaultValue = "",
  onValueChange,
  accept,
  maxFileSize,
  allowAttachments = true,
  disabled = false,
  audioInput = true,
}: ComposerOptions): ComposerState {
  const ids = useIds("composer", ["input", "errors", "file"]);
  const [value, setValue] = useControllableState({
    prop: valueProp,
    defaultProp: defaultValue,
    onChange: onValueChange,
  });
  const [attachments, setAttachments] = useState<ComposerAttachment[]>([]);
  const [rejected, setRejected] = useState<RejectedFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const composingRef = useRef(false);
  const mountedRef = useRef(true);
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
    };
  }, []);

  const busy = status === "submitted" || status === "streaming";
  const canSend = !disabled && !busy && (value.trim() !== "" || attachments.length > 0);

  const addFiles = useCallback(
    (files: Iterable<File>) => {
      if (!allowAttachments || disabled) return;
      const accepted: ComposerAttachment[] = [];
      const refused: RejectedFile[] = [];
      for (const file of files) {
        const id = `attachment-${(nextAttachmentId += 1)}`;
        const problem = validateAttachment(file, { accept, maxFileSize, audioInput });
        if (problem) refused.push({ id, name: file.name, problem });
        else accepted.push({ id, file });
      }
      setRejected(refused);
      if (accepted.length === 0) return;
      setAttachments((current) => [...current, ...accepted]);
      for (const attachment of accepted) {
        void readImagePreview(attachment.file).then((previewUrl) => {
          if (!previewUrl || !mountedRef.current) return;
          setAttachments((current) =>
            current.map((entry) => (entry.id === attachment.id ? { ...entry, previewUrl } : entry)),
          );
        });
      }
    },
    [accept, allowAttachments, audioInput, disabled, maxFileSize],
  );

  const send = () => {
    if (!canSend) return;
    const message: ComposerMessage = {
      text: value.trim(),
      files: attachments.map((attachment) => attachment.file),
    };
    setValue("");
    setAttachments([]);
    setRejected([]);
    void onSend(message);
    inputRef.current?.focus();
  };

  return {
    value,
    setValue,
    attachments,
    removeAttachment: (id) =>
      setAttachments((current) => current.filter((entry) => entry.id !== id)),
    rejected,
    addFiles,
    refuse: (name, problem) =>
      setRejected([{ id: `problem-${(nextAttachmentId += 1)}`, name, problem }]),
    send,
    canSend,
    busy,
    dragging,
    setDragging,
    status,
    onStop,
    allowAttachments,
    accept,
    audioInput,
    disabled,
    inputRef,
    fileInputRef,
    composingRef,
    ids,
  };
}
