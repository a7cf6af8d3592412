/**
 * A wire item type as a title: `program` → "Program", `image_edit_call` → "Image edit".
 * One spelling for an item's card and for the placeholder shown while the card loads.
 */
export function itemTitle(type: string): string {
  const words = type
    .replace(/_call$/, "")
    .replace(/[_-]+/g, " ")
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
