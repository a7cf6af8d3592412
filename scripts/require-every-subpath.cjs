// Run by `npm test` after the build: a CommonJS program requires every JavaScript subpath of
// colloquy's exports map by package name. Node >= 20.19 loads ES modules through require(); a
// subpath that fails here fails for every CommonJS user (top-level await, a missing file).
/* eslint-disable @typescript-eslint/no-require-imports -- require() is what this script proves */
"use strict";
const { exports: exportsMap, name } = require("../package.json");

const failures = [];
for (const subpath of Object.keys(exportsMap)) {
  // Stylesheets, JSON and the classic-script build (for a plain `<script>` tag) are not modules.
  if (/\.(css|json)$|\.iife\.js$/.test(subpath)) continue;
  const specifier = subpath === "." ? name : `${name}/${subpath.slice(2)}`;
  try {
    const loaded = require(specifier);
    if (Object.keys(loaded).length === 0) failures.push(`${specifier}: required with no exports`);
  } catch (error) {
    failures.push(`${specifier}: ${error.message}`);
  }
}
if (failures.length > 0) {
  console.error(`require() failed; build first with \`npm run build\`:\n${failures.join("\n")}`);
  process.exit(1);
}
console.log(`required every subpath of ${name} from CommonJS`);
