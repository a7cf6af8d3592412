import { createContext, useContext, type ReactNode } from "react";

/** True under a {@link ThemeRoot}: the `.colloquy` scope and its tokens are already there. */
export const InsideColloquyScope = createContext(false);

/**
 * Puts `children` in the `.colloquy` scope unless a ThemeRoot (or `<Chat>`) is already above
 * them, so a component used alone (MessageList and Composer beside `useChat`) still gets the
 * kit's tokens and styles. The wrapper is `display: contents`: it draws no box, so the
 * component stays the child of the page's own layout (a flex item, a grid cell). Under a
 * ThemeRoot it adds nothing, so a nested scope never resets the root's palette.
 */
export function ColloquyScope({ children }: { children: ReactNode }): ReactNode {
  const inside = useContext(InsideColloquyScope);
  if (inside) return children;
  return (
    <InsideColloquyScope.Provider value={true}>
      <div className="colloquy" data-theme="light" style={{ display: "contents" }}>
        {children}
      </div>
    </InsideColloquyScope.Provider>
  );
}
