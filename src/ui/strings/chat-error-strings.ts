/** Strings of `<Chat>`'s error banner: what went wrong in a user's words; the details are the error's own. */
export interface ChatErrorStrings {
  /** The server could not be reached. */
  errorConnection: string;
  /** The answer took longer than the time allowed. */
  errorTimeout: string;
  /** The answer stopped (or came garbled) before it finished. */
  errorInterrupted: string;
  /** Too many requests (HTTP 429). */
  errorRateLimited: string;
  /** The service failed (HTTP 5xx). */
  errorService: string;
  /** The app is not allowed to use the service (HTTP 401 or 403). */
  errorNotAllowed: string;
  /** The service did not accept the request (another HTTP 4xx). */
  errorRejected: string;
  /** The tool loop reached its step limit. */
  errorTooManySteps: string;
  /** Anything else. */
  errorGeneric: string;
  /** The disclosure that shows the error as the library reported it. */
  errorDetails: string;
}

/** The English error banner strings. */
export const defaultChatErrorStrings: ChatErrorStrings = {
  errorConnection: "Could not reach the server. Check the connection, then retry.",
  errorTimeout: "The answer took too long.",
  errorInterrupted: "The answer was interrupted before it finished.",
  errorRateLimited: "Too many requests right now. Wait a moment, then retry.",
  errorService: "The service had a problem. Retry in a moment.",
  errorNotAllowed: "This app is not allowed to use the model service.",
  errorRejected: "The request was not accepted.",
  errorTooManySteps: "The assistant stopped after too many tool steps.",
  errorGeneric: "Something went wrong.",
  errorDetails: "Details",
};
