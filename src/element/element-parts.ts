/**
 * `::part()` names of the chat's main pieces, by the class the kit gives them. A page styles
 * them from outside the shadow root: `colloquy-chat::part(composer) { border-top: 0 }`.
 * (The launcher's own pieces, `launcher`, `panel`, `panel-header` and `close-button`, carry
 * their `part` in the markup.)
 */
export const CHAT_PARTS: Readonly<Record<string, string>> = {
  "colloquy-chat": "chat",
  "colloquy-chat__messages": "messages",
  "colloquy-chat__error": "error",
  "colloquy-chat__composer": "composer",
  "colloquy-composer__input": "input",
  "colloquy-composer__send": "send-button",
  "colloquy-composer__stop": "stop-button",
  "colloquy-message": "message",
};

function nameParts(element: Element): void {
  const names: string[] = [];
  for (const className of element.classList) {
    const part = CHAT_PARTS[className];
    if (part) names.push(part);
  }
  if (element.classList.contains("colloquy-message")) {
    const role = element.getAttribute("data-role");
    if (role) names.push(`message-${role}`);
  }
  if (names.length > 0 && element.getAttribute("part") !== names.join(" ")) {
    element.setAttribute("part", names.join(" "));
  }
}

function nameTree(root: Element | ShadowRoot): void {
  if (root instanceof Element) nameParts(root);
  for (const element of root.querySelectorAll("[class]")) nameParts(element);
}

/**
 * Gives the chat's pieces their `part` names as React renders them (the kit's components do
 * not know they live in a shadow root). Returns the function that stops watching.
 */
export function watchParts(root: ShadowRoot): () => void {
  nameTree(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      // React reuses an element whose class changes (the send button becomes the stop button).
      if (record.type === "attributes" && record.target instanceof Element) {
        nameParts(record.target);
      }
      for (const node of record.addedNodes) if (node instanceof Element) nameTree(node);
    }
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["class", "data-role"],
  });
  return () => observer.disconnect();
}
