/** Strings of the message actions (copy, regenerate, edit, feedback, versions). */
export interface MessageActionStrings {
  /** Accessible name of the group of actions under a message. */
  messageActions: string;
  /** Copy a message as markdown. */
  copyMarkdown: string;
  /** Copy a message as plain text (markdown syntax removed). */
  copyPlainText: string;
  /** Accessible name of the box that edits a user message. */
  editMessage: string;
  /** Sends an edited message. */
  saveAndSend: string;
  /** Thumbs up on an answer. */
  goodResponse: string;
  /** Thumbs down on an answer. */
  badResponse: string;
  /** Label of the optional feedback comment. */
  feedbackComment: string;
  /** Sends the feedback comment. */
  sendFeedback: string;
  /** Said once feedback was given. */
  feedbackThanks: string;
  /** The version shown among several, visible: "2 / 3". */
  versionCount: (index: number, total: number) => string;
  /** The same, spoken: "Version 2 of 3". */
  versionLabel: (index: number, total: number) => string;
  /** Shows the previous version. */
  previousVersion: string;
  /** Shows the next version. */
  nextVersion: string;
}

/** The English message action strings. */
export const defaultMessageActionStrings: MessageActionStrings = {
  messageActions: "Message actions",
  copyMarkdown: "Copy as Markdown",
  copyPlainText: "Copy as plain text",
  editMessage: "Edit message",
  saveAndSend: "Save and send",
  goodResponse: "Good response",
  badResponse: "Bad response",
  feedbackComment: "Tell us more (optional)",
  sendFeedback: "Send feedback",
  feedbackThanks: "Thanks for the feedback",
  versionCount: (index, total) => `${index} / ${total}`,
  versionLabel: (index, total) => `Version ${index} of ${total}`,
  previousVersion: "Previous version",
  nextVersion: "Next version",
};
