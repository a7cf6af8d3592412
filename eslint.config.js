import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

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
  // server and testing never touch the browser layers. `**` so that any depth of `../` counts.
  {
    files: ["src/core/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "react",
            "react-dom",
            "**/react/**",
            "**/ui/**",
            "**/server/**",
            "**/testing/**",
            "**/element/**",
          ],
        },
      ],
    },
  },
  {
    files: ["src/react/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/ui/**", "**/server/**", "**/testing/**", "**/element/**"] },
      ],
    },
  },
  {
    files: ["src/ui/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/server/**", "**/testing/**", "**/element/**"] },
      ],
    },
  },
  {
    // The custom element wraps the UI for pages without React; it never reaches the server side.
    files: ["src/element/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/server/**", "**/testing/**"] }],
    },
  },
  {
    files: ["src/server/**", "src/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-dom", "**/react/**", "**/ui/**", "**/element/**"] },
      ],
    },
  },
);
