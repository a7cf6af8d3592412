import { useState, type HTMLAttributes, type ReactNode } from "react";
import { useStableId } from "../primitives/index.js";
import { useStrings } from "../strings/index.js";
import { useMessageActions, type MessageFeedback } from "./message-actions-context.js";

/** Props of {@link MessageFeedbackButtons}. */
export type MessageFeedbackProps = HTMLAttributes<HTMLDivElement>;

/**
 * Thumbs up and down on an answer (`aria-pressed` toggles), then an optional comment. The
 * root's `onFeedback` hears the rating when it is chosen, and again with the comment when one
 * is sent; both carry the message id and the response id. `data-state` is `unrated`, `up` or
 * `down`. Renders nothing without `onFeedback`.
 */
export function MessageFeedbackButtons({ className, ...rest }: MessageFeedbackProps): ReactNode {
  const { message, onFeedback } = useMessageActions("MessageActions.Feedback");
  const strings = useStrings();
  const id = useStableId("message-feedback");
  const [rating, setRating] = useState<MessageFeedback["rating"] | undefined>(undefined);
  const [comment, setComment] = useState("");
  const [sent, setSent] = useState(false);
  if (!onFeedback) return null;
  const responseId = message.metadata.responseId ?? message.metadata.completionId;
  const base = { messageId: message.id, ...(responseId ? { responseId } : {}) };
  const rate = (next: MessageFeedback["rating"]) => {
    setRating(next);
    setSent(false);
    onFeedback({ ...base, rating: next });
  };
  return (
    <div
      className={["colloquy-message-actions__feedback", className].filter(Boolean).join(" ")}
      data-state={rating ?? "unrated"}
      {...rest}
    >
      <button
        type="button"
        className="colloquy-message-actions__button"
        data-action="feedback-up"
        aria-label={strings.goodResponse}
        aria-pressed={rating === "up"}
        onClick={() => rate("up")}
      >
        <ThumbIcon />
      </button>
      <button
        type="button"
        className="colloquy-message-actions__button"
        data-action="feedback-down"
        aria-label={strings.badResponse}
        aria-pressed={rating === "down"}
        onClick={() => rate("down")}
      >
        <ThumbIcon down />
      </button>
      {rating && !sent ? (
        <form
          className="colloquy-message-actions__comment"
          onSubmit={(event) => {
            event.preventDefault();
            if (comment.trim() === "") return;
            onFeedback({ ...base, rating, comment: comment.trim() });
            setSent(true);
            setComment("");
          }}
        >
          <label htmlFor={id} className="colloquy-visually-hidden">
            {strings.feedbackComment}
          </label>
          <input
            id={id}
            className="colloquy-message-actions__comment-box"
            placeholder={strings.feedbackComment}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
          <button type="submit" className="colloquy-button" data-variant="secondary">
            {strings.sendFeedback}
          </button>
        </form>
      ) : null}
      <span className="colloquy-visually-hidden" role="status" aria-live="polite">
        {rating ? strings.feedbackThanks : ""}
      </span>
    </div>
  );
}

/**
 * A thumb drawn in the text colour (an emoji depends on the reader's fonts and shows as an
 * empty box where none has it); `down` turns it over.
 */
function ThumbIcon({ down = false }: { down?: boolean }): ReactNode {
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      style={down ? { transform: "rotate(180deg)" } : undefined}
    >
      <path
        d="M5 7v7H2.5V7H5zm0 0l2.6-5c1.2 0 1.9.8 1.7 2L9 6.5h3.6c.9 0 1.6.9 1.4 1.8l-1 4.6c-.2.7-.8 1.1-1.4 1.1H5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
    </svg>
  );
}
