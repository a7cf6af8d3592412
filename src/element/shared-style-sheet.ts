/// <reference types="vite/client" />
import kitCss from "../ui/styles.css?inline";
import elementCss from "./element.css?inline";
import { shadowStyleText } from "./shadow-styles.js";

let sheet: CSSStyleSheet | undefined;

/** The element's whole stylesheet as text: the kit's styles, then the element's frame. */
export function elementStyleText(): string {
  return shadowStyleText(`${kitCss}\n${elementCss}`);
}

/**
 * Puts the element's styles into `root`: one constructed sheet shared by every element on the
 * page where the browser has them, a `<style>` of its own elsewhere.
 */
export function adoptElementStyles(root: ShadowRoot): void {
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet.prototype.replaceSync === "function") {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(elementStyleText());
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement("style");
  style.textContent = elementStyleText();
  root.append(style);
}
