import type { ReactNode } from "react";
import { useStrings, type UiStrings } from "../strings/index.js";

/** Props of {@link ChatErrorBanner}. */
export interface ChatErrorBannerProps {
  /** The error of the last request. */
  error: Error;
  /** Asks again. */
  onRetry: () => void;
}

/**
 * The error of the last request, said in a user's words, with Retry. The error's own message
 * (request ids, parameters, headers: what a developer needs) is behind a "Details" disclosure.
 */
export function ChatErrorBanner({ error, onRetry }: ChatErrorBannerProps): ReactNode {
  const strings = useStrings();
  const headline = errorHeadline(error, strings);
  return (
    <div className="colloquy-chat__error" role="alert">
      <div className="colloquy-chat__error-text">
        <span className="colloquy-chat__error-headline">{headline}</span>
        {error.message && error.message !== headline ? (
          <details className="colloquy-chat__error-details">
            <summary>{strings.errorDetails}</summary>
            <p>{error.message}</p>
          </details>
        ) : null}
      </div>
      <button type="button" className="colloquy-button" data-variant="secondary" onClick={onRetry}>
        {strings.retry}
      </button>
    </div>
  );
}

/** The banner's headline for an error, from its `code` and HTTP `status` when it has them. */
export function errorHeadline(error: Error, strings: UiStrings): string {
  const { code, status } = error as { code?: unknown; status?: unknown };
  if (typeof status === "number") {
    if (status === 429) return strings.errorRateLimited;
    if (status >= 500) return strings.errorService;
    if (status === 401 || status === 403) return strings.errorNotAllowed;
    if (status >= 400) return strings.errorRejected;
  }
  switch (code) {
    case "connection_error":
      return strings.errorConnection;
    case "timeout":
      return strings.errorTimeout;
    case "stream_cut":
    case "malformed_event":
    case "invalid_json":
    case "not_event_stream":
      return strings.errorInterrupted;
    case "max_steps":
      return strings.errorTooManySteps;
    default:
      return strings.errorGeneric;
  }
}
