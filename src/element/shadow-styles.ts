/**
 * The kit's stylesheet rewritten for a shadow root, so the element looks the same on any page
 * and the page can still theme it.
 *
 * - The design tokens move from `.colloquy` to `:host`. A page's rule on the element
 *   (`colloquy-chat { --colloquy-color-accent: teal }`) beats a `:host` rule, and nothing inside
 *   redefines the token, so page themes pierce the shadow root. The palette follows the
 *   element's `theme` attribute (`:host([theme="dark"])`; no attribute follows the OS).
 * - `rem` becomes `calc(n * var(--colloquy-rem))` (16px unless the page sets it): a page's
 *   `html { font-size: 10px }` would otherwise shrink every size in the widget.
 */
export function shadowStyleText(css: string): string {
  return css
    .replace(/\.colloquy\[data-theme=(["']?)dark\1\]\s*\{/g, ':host([theme="dark"]) {')
    .replace(
      /\.colloquy\[data-theme=(["']?)system\1\]\s*\{/g,
      ':host(:not([theme="light"]):not([theme="dark"])) {',
    )
    .replace(/\.colloquy\s*\{/g, ":host {")
    .replace(/(^|[^\w.#-])(-?\d*\.?\d+)rem\b/g, "$1calc($2 * var(--colloquy-rem))");
}
