#!/usr/bin/env node
// `npm run bench [part]`: placeholder until the benchmark suite lands.
console.log("colloquy: benchmarks are coming (stream, render, chat, bundle, proxy).");
