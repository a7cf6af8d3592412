/**
 * The ESLint rule behind the layers of src/ (docs/architecture.md): every import, export-from,
 * dynamic `import()` and `import("...")` type is resolved against the importing file, so a
 * relative path of any depth or shape (`../../ui/x.js`, `../../ui`, `./../ui/`) is judged by the
 * folder it lands in, not by how it is spelled.
 */
import { dirname, relative, resolve, sep } from "node:path";

/** What each layer may not import: other layers of src/ and packages by name. */
export const LAYER_RULES = {
  core: {
    layers: ["react", "ui", "element", "server", "testing"],
    packages: ["react", "react-dom"],
  },
  react: { layers: ["ui", "element", "server", "testing"], packages: [] },
  ui: { layers: ["element", "server", "testing"], packages: [] },
  element: { layers: ["server", "testing"], packages: [] },
  server: { layers: ["react", "ui", "element"], packages: ["react", "react-dom"] },
  testing: { layers: ["react", "ui", "element"], packages: ["react", "react-dom"] },
};

/** The layer a file of the repository belongs to (`src/<layer>/...`), if any. */
function layerOf(root, file) {
  const parts = relative(root, file).split(sep);
  return parts[0] === "src" && parts.length > 1 ? parts[1] : undefined;
}

/** @type {import("eslint").Rule.RuleModule} */
export const layerImports = {
  meta: {
    type: "problem",
    docs: { description: "Imports only point down the layers of src/." },
    messages: {
      layer:
        "src/{{from}} may not import src/{{to}} ('{{specifier}}'): imports only point down the layers (docs/architecture.md). Move the shared code into a lower layer or pass it in.",
      package:
        "src/{{from}} may not import '{{specifier}}': this layer runs without React. Keep React in src/react and src/ui.",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    const rules = from && LAYER_RULES[from];
    if (!rules) return {};
    const check = (node) => {
      if (!node || node.type !== "Literal" || typeof node.value !== "string") return;
      const specifier = node.value;
      if (specifier.startsWith(".")) {
        const to = layerOf(root, resolve(dirname(file), specifier));
        if (to && rules.layers.includes(to)) {
          context.report({ node, messageId: "layer", data: { from, to, specifier } });
        }
      } else if (
        rules.packages.some((name) => specifier === name || specifier.startsWith(`${name}/`))
      ) {
        context.report({ node, messageId: "package", data: { from, specifier } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) =>
        check(
          node.source ??
            (node.argument?.type === "TSLiteralType" ? node.argument.literal : node.argument),
        ),
    };
  },
};
