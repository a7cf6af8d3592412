import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type ClipboardEvent,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { useControllableState, useIds } from "../primitives/index.js";
import { useStrings, type UiStrings } from "../strings/index.js";
import { AttachmentList, type ComposerAttachment } from "./attachment-list.js";
import { readImagePreview } from "./file-preview.js";
import { useAutosize } from "./use-autosize.js";
import {
  formatFileSize,
  validateAttachment,
  type AttachmentProblem,
} from "./validate-attachment.js";
import { ColloquyScope } from "../theme/colloquy-scope.js";

/** Where the conversation is, as the composer needs to know it. */
export type ComposerStatus = "ready" | "submitted" | "streaming" | "error";

/** What the composer hands over on send: the text and the attached files. */
export interface ComposerMessage {
  /** The text, trimmed of surrounding whitespace. */
  text: string;
  /** The files attached, in order. */
  files: File[];
}

/** Props of {@link Composer}. */
export interface ComposerProps {
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
  /** Placeholder of the text box (defaults to the strings'). */
  placeholder?: string;
  /** Disables the whole composer. */
  disabled?: boolean;
  /** Focuses the text box on mount. */
  autoFocus?: boolean;
  /** Extra class names on the form. */
  className?: string;
}

/** A refused file and why, as shown under the composer. */
interface RejectedFile {
  id: string;
  name: string;
  problem: AttachmentProblem;
}

let nextAttachmentId = 0;

/**
 * The message input: an autosizing text box where Enter sends and Shift+Enter breaks the
 * line (never while an input method is composing), attachments by picker, paste and drop,
 * and a stop button while a response streams.
 */
export function Composer({
  onSend,
  onStop,
  status = "ready",
  value: valueProp,
  defaultValue = "",
  onValueChange,
  accept,
  maxFileSize,
  allowAttachments = true,
  placeholder,
  disabled = false,
  autoFocus,
  className,
}: ComposerProps): ReactNode {
  const strings = useStrings();
  const ids = useIds("composer", ["input", "errors", "file"]);
  const [value, setValue] = useControllableState({
    prop: valueProp,
    defaultProp: defaultValue,
    onChange: onValueChange,
  });
  const [attachments, setAttachments] = useState<ComposerAttachment[]>([]);
  const [rejected, setRejected] = useState<RejectedFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const composingRef = useRef(false);
  const mountedRef = useRef(true);
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
    };
  }, []);
  useAutosize(textareaRef, value);

  const busy = status === "submitted" || status === "streaming";
  const canSend = !disabled && !busy && (value.trim() !== "" || attachments.length > 0);

  const addFiles = useCallback(
    (files: Iterable<File>) => {
      if (!allowAttachments || disabled) return;
      const accepted: ComposerAttachment[] = [];
      const refused: RejectedFile[] = [];
      for (const file of files) {
        const id = `attachment-${(nextAttachmentId += 1)}`;
        const problem = validateAttachment(file, { accept, maxFileSize });
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
    [accept, allowAttachments, disabled, maxFileSize],
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
    textareaRef.current?.focus();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey) return;
    // keyCode 229 marks keys an input method consumes (some browsers report Enter as 229).
    if (composingRef.current || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    send();
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(event.clipboardData?.files ?? []);
    if (files.length === 0 || !allowAttachments) return;
    // Pasted files become attachments; pasted text (if any) still goes into the box.
    if (!event.clipboardData.getData("text/plain")) event.preventDefault();
    addFiles(files);
  };

  const onDragOver = (event: DragEvent<HTMLFormElement>) => {
    if (!allowAttachments || disabled || !hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };

  const onDragLeave = (event: DragEvent<HTMLFormElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    setDragging(false);
  };

  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    setDragging(false);
    if (!allowAttachments || disabled) return;
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length === 0) return;
    event.preventDefault();
    addFiles(files);
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    addFiles(Array.from(event.target.files ?? []));
    // Clearing lets the same file be picked again after removing it.
    event.target.value = "";
  };

  return (
    <ColloquyScope>
      <form
        className={className ? `colloquy-composer ${className}` : "colloquy-composer"}
        data-status={status}
        data-dragging={dragging ? "" : undefined}
        data-disabled={disabled ? "" : undefined}
        onSubmit={onSubmit}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <AttachmentList
          attachments={attachments}
          onRemove={(id) => setAttachments((current) => current.filter((entry) => entry.id !== id))}
        />
        {rejected.length > 0 ? (
          <div className="colloquy-composer__errors" id={ids.errors} role="alert">
            <ul className="colloquy-composer__error-list">
              {rejected.map((entry) => (
                <li key={entry.id} className="colloquy-composer__error">
                  {describeProblem(entry, strings)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="colloquy-composer__row">
          {allowAttachments ? (
            <>
              <input
                ref={fileInputRef}
                id={ids.file}
                type="file"
                className="colloquy-visually-hidden"
                accept={accept}
                multiple
                tabIndex={-1}
                aria-hidden="true"
                disabled={disabled}
                onChange={onPick}
              />
              <button
                type="button"
                className="colloquy-button colloquy-composer__attach"
                data-variant="ghost"
                data-shape="icon"
                aria-label={strings.attach}
                title={strings.attach}
                disabled={disabled}
                onClick={() => fileInputRef.current?.click()}
              >
                <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
                  <path
                    d="M13.5 6.5l-6 6a1.8 1.8 0 002.5 2.5l6.2-6.2a3.3 3.3 0 00-4.7-4.7L5.3 10.3a4.8 4.8 0 006.8 6.8l5-5"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.6"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  />
                </svg>
              </button>
            </>
          ) : null}
          <textarea
            ref={textareaRef}
            id={ids.input}
            className="colloquy-composer__input"
            rows={1}
            value={value}
            placeholder={placeholder ?? strings.composerPlaceholder}
            aria-label={strings.composerLabel}
            aria-describedby={rejected.length > 0 ? ids.errors : undefined}
            disabled={disabled}
            autoFocus={autoFocus}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onCompositionStart={() => {
              composingRef.current = true;
            }}
            onCompositionEnd={() => {
              composingRef.current = false;
            }}
          />
          {busy ? (
            <button
              type="button"
              className="colloquy-button colloquy-composer__stop"
              data-variant="secondary"
              data-shape="icon"
              aria-label={strings.stop}
              title={strings.stop}
              onClick={onStop}
              disabled={!onStop}
            >
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                <rect x="3" y="3" width="10" height="10" rx="2" fill="currentColor" />
              </svg>
            </button>
          ) : (
            <button
              type="submit"
              className="colloquy-button colloquy-composer__send"
              data-variant="primary"
              data-shape="icon"
              aria-label={strings.send}
              title={strings.send}
              disabled={!canSend}
            >
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <path
                  d="M8 13V3M3.5 7.5L8 3l4.5 4.5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.8"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              </svg>
            </button>
          )}
        </div>
        {dragging ? (
          <div className="colloquy-composer__drop-hint" aria-hidden="true">
            {strings.dropFilesHere}
          </div>
        ) : null}
      </form>
    </ColloquyScope>
  );
}

function hasFiles(event: DragEvent): boolean {
  const types = event.dataTransfer?.types;
  return !types || Array.from(types).includes("Files");
}

function describeProblem(entry: RejectedFile, strings: UiStrings): string {
  const { problem } = entry;
  return problem.reason === "size"
    ? strings.attachmentTooLarge(entry.name, formatFileSize(problem.limit))
    : strings.attachmentTypeNotAccepted(entry.name, problem.accepted.join(", "));
}
