import type { UiStrings } from "../ui/strings/index.js";

/** Wording of the element's own frame (the floating launcher), in English. */
export interface ElementStrings {
  /** The launcher button's label while the panel is closed. */
  openChat: string;
  /** The launcher button's label while the panel is open, and the panel's close button. */
  closeChat: string;
  /** The panel's heading, which also names the dialog. */
  chatTitle: string;
}

/** The element's English defaults. */
export const defaultElementStrings: ElementStrings = {
  openChat: "Open chat",
  closeChat: "Close chat",
  chatTitle: "Chat",
};

/** What the `strings` property takes: any UI string of the kit and of the launcher. */
export type ColloquyChatStrings = Partial<UiStrings> & Partial<ElementStrings>;
