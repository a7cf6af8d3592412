import { describe, expect, it, vi } from "vitest";
import { Profiler, useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import { act, render, screen } from "@testing-library/react";
import { useLazyModule } from "../../src/ui/markdown/use-lazy-module.js";

function Shows({ loader }: { loader: (() => Promise<string>) | undefined }) {
  const value = useLazyModule(loader);
  return <p>{value ?? "plain"}</p>;
}

/** Renders `Shows` under a Profiler and counts React commits of it. */
function renderCounted(loader: (() => Promise<string>) | undefined) {
  const commits = { count: 0 };
  const view = render(
    <Profiler id="lazy" onRender={() => commits.count++}>
      <Shows loader={loader} />
    </Profiler>,
  );
  return { commits, view };
}

describe("useLazyModule", () => {
  it("shows plain content until the module arrives, then the module", async () => {
    let resolve!: (value: string) => void;
    const loader = () => new Promise<string>((r) => (resolve = r));
    renderCounted(loader);
    expect(screen.getByText("plain")).toBeTruthy();
    await act(async () => resolve("highlighted"));
    expect(screen.getByText("highlighted")).toBeTruthy();
  });

  it("renders a component mounted after the module arrived once: one commit, no effect re-render", async () => {
    const loader = () => Promise.resolve("ready");
    const first = renderCounted(loader);
    await act(async () => {});
    expect(screen.getByText("ready")).toBeTruthy();
    first.view.unmount();

    // Like a new message mounting mid-stream in a chat whose other messages loaded it.
    const second = renderCounted(loader);
    await act(async () => {});
    expect(screen.getByText("ready")).toBeTruthy();
    expect(second.commits.count).toBe(1);
  });

  it("loads once per loader, however many components ask", async () => {
    let calls = 0;
    const loader = () => {
      calls++;
      return Promise.resolve("once");
    };
    render(
      <>
        <Shows loader={loader} />
        <Shows loader={loader} />
      </>,
    );
    await act(async () => {});
    expect(screen.getAllByText("once")).toHaveLength(2);
    expect(calls).toBe(1);
  });

  it("stays plain when the module fails to load", async () => {
    const loader = () => Promise.reject(new Error("offline"));
    renderCounted(loader);
    await act(async () => {});
    expect(screen.getByText("plain")).toBeTruthy();
  });

  it("is plain without a loader, in one commit", async () => {
    const { commits } = renderCounted(undefined);
    await act(async () => {});
    expect(screen.getByText("plain")).toBeTruthy();
    expect(commits.count).toBe(1);
  });

  it("costs a streaming message no extra commit after it mounts (real scheduling, no act)", async () => {
    // As in a chat: a store publishes once per frame, the answer mounts on the first publish
    // and changes on every later one. Each publish must be exactly one React commit.
    const actEnvironment = Reflect.get(globalThis, "IS_REACT_ACT_ENVIRONMENT");
    Reflect.set(globalThis, "IS_REACT_ACT_ENVIRONMENT", false);
    let text = "";
    const listeners = new Set<() => void>();
    const subscribe = (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    const publish = (next: string) => {
      text = next;
      for (const listener of listeners) listener();
    };
    function Answer({ text }: { text: string }) {
      const highlighter = useLazyModule<string>(undefined);
      return <p>{highlighter ?? text}</p>;
    }
    function Conversation() {
      const current = useSyncExternalStore(subscribe, () => text);
      return <div>{current ? <Answer text={current} /> : null}</div>;
    }
    const log: string[] = [];
    const container = document.createElement("div");
    const root = createRoot(container);
    // Each publish waits for its commit, then for the effects it set off (which is where
    // a second commit would come from), so a busy machine cannot merge two publishes.
    const effectsRun = () => new Promise((resolve) => setTimeout(resolve, 20));
    try {
      root.render(
        <Profiler id="chat" onRender={(_id, phase) => log.push(phase)}>
          <Conversation />
        </Profiler>,
      );
      await vi.waitFor(() => expect(log).toContain("mount"));
      for (const next of ["a", "ab", "abc", "abcd"]) {
        const committed = log.length + 2;
        log.push(`publish ${next}`);
        publish(next);
        await vi.waitFor(() => expect(log.length).toBeGreaterThanOrEqual(committed));
        await effectsRun();
      }
      expect(container.textContent).toBe("abcd");
      expect(log).toEqual([
        "mount",
        "publish a",
        "update",
        "publish ab",
        "update",
        "publish abc",
        "update",
        "publish abcd",
        "update",
      ]);
    } finally {
      root.unmount();
      Reflect.set(globalThis, "IS_REACT_ACT_ENVIRONMENT", actEnvironment);
    }
  });
});
