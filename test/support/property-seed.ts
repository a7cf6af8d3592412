// Property tests explore new random inputs on every local run, which is how they find bugs.
// In CI they replay one fixed seed instead, so a result is reproducible and a commit is judged
// on its own changes; set FC_SEED to replay a failure seen elsewhere.
import fc from "fast-check";

const fixed = process.env.FC_SEED ?? (process.env.CI === "true" ? "20261122" : undefined);
if (fixed !== undefined) fc.configureGlobal({ seed: Number(fixed) });
