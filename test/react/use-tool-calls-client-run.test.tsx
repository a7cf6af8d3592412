import { describe, expect, it, vi } from "vitest";
import { act, render, waitFor } from "@testing-library/react";
import type { ChatStore } from "../../src/core/chat/chat-store.js";
import { defineLocalShellTool } from "../../src/core/tools/define-local-shell-tool.js";
import { useToolCalls, type UseToolCallsResult } from "../../src/react/index.js";
import { capturesAvailable } from "../support/captures.js";
import { storeOverRecordings } from "../core/chat/support/recorded-upstream.js";
import { failOnActWarnings } from "./support.js";

failOnActWarnings();

function renderShell(store: ChatStore, run: () => { stdout: string }) {
  const latest: { tools?: UseToolCallsResult } = {};
  const shell = defineLocalShellTool({ run });
  function Tools() {
    latest.tools = useToolCalls({ chat: store, tools: { shell } });
    return null;
  }
  render(<Tools />);
  return () => latest.tools!;
}

describe.runIf(capturesAvailable())(
  "useToolCalls: a shell command the app runs (recorded upstream)",
  () => {
    it("lists the shell_call among pending approvals and runs it once approved, sending its shell_call_output", async () => {
      const up = storeOverRecordings(
        [0, 1].map((index) => ({ file: "shell-call-local.chunks.jsonl", index })),
        true,
      );
      const run = vi.fn(() => ({ stdout: "dec1.txt\n" }));
      const tools = renderShell(up.store, run);
      await act(async () => {
        await up.store.send("List the files on my Desktop");
      });
      await waitFor(() => expect(tools().pendingApprovals).toHaveLength(1));
      const [pending] = tools().pendingApprovals;
      expect(pending).toMatchObject({ kind: "client-run", id: "call_pbxjNs1tMJUahLZKAS9qLtvw" });
      expect(run).not.toHaveBeenCalled();
      act(() => tools().respondToApproval({ id: pending!.id, approve: true }));
      await waitFor(() => {
        expect(up.requests).toHaveLength(2);
        expect(up.store.getSnapshot().status).toBe("ready");
      });
      expect(run).toHaveBeenCalledTimes(1);
      expect(tools().pendingApprovals).toEqual([]);
      expect(up.inputOf(1).find((i) => i.type === "shell_call_output")).toMatchObject({
        call_id: "call_pbxjNs1tMJUahLZKAS9qLtvw",
        output: [{ stdout: "dec1.txt\n", outcome: { type: "exit", exit_code: 0 } }],
      });
    });
  },
);
