import { afterEach } from "vitest";
import { cleanup } from "@testing-library/react";

// React 19 warns about act() unless the environment says it is a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  cleanup();
});
