#!/usr/bin/env node
// `npm start`: placeholder until the playground lands (issue: playground and Storybook).
console.log(
  "colloquy: the playground is coming. For now `npm test` runs every suite; the proxy and emulator follow.",
);
