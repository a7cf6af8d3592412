import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { layerImports } from "./scripts/eslint-layer-imports.js";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "storybook-static/**",
      "playground/dist/**",
      "test-results/**",
      "bench/results/**",
      "node_modules/**",
      // Each example is a project of its own, with its own tools and node_modules.
      "examples/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-imports": "off",
    },
  },
  // The layers: core is framework-free; react adds hooks on core; ui adds components on react;
  // element wraps ui; server and testing never touch the browser layers. The rule resolves every
  // relative path, so any depth or spelling of `../` is judged by where it lands.
  {
    files: ["src/**"],
    plugins: { colloquy: { rules: { "layer-imports": layerImports } } },
    rules: { "colloquy/layer-imports": "error" },
  },
);
