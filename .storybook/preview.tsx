import type { Decorator, Preview } from "@storybook/react-vite";
import { ThemeRoot } from "../src/ui/index.js";
import "../src/ui/styles.css";

/** Wraps every story in the colloquy theme root, light or dark from the toolbar. */
const withTheme: Decorator = (Story, context) => {
  const theme = context.globals["theme"] === "dark" ? "dark" : "light";
  return (
    <ThemeRoot
      theme={theme}
      style={{
        padding: "1rem",
        minHeight: "100%",
        background: "var(--colloquy-color-surface)",
        color: "var(--colloquy-color-text)",
      }}
    >
      <Story />
    </ThemeRoot>
  );
};

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: "The colloquy palette",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", title: "Light" },
          { value: "dark", title: "Dark" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "light" },
  parameters: {
    layout: "fullscreen",
    a11y: { test: "error" },
  },
};

export default preview;
