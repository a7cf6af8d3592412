import { describe, expect, it, vi } from "vitest";
import { render, screen, act } from "@testing-library/react";
import { useState } from "react";
import {
  Slot,
  composeEventHandlers,
  useControllableState,
  useIds,
} from "../../src/ui/primitives/index.js";
import { StringsProvider, defaultStrings, useStrings } from "../../src/ui/strings/index.js";

describe("primitives", () => {
  it("useControllableState works uncontrolled and controlled", () => {
    const onChange = vi.fn();
    let setter: (v: number) => void = () => {};
    function Uncontrolled() {
      const [value, setValue] = useControllableState({ defaultProp: 1, onChange });
      setter = setValue;
      return <span>{value}</span>;
    }
    render(<Uncontrolled />);
    act(() => setter(2));
    expect(screen.getByText("2")).toBeTruthy();
    expect(onChange).toHaveBeenCalledWith(2);

    function Controlled() {
      const [value] = useState(5);
      const [shown, setValue] = useControllableState({ prop: value, defaultProp: 0, onChange });
      setter = setValue;
      return <b>{shown}</b>;
    }
    render(<Controlled />);
    act(() => setter(6));
    expect(screen.getByText("5").tagName).toBe("B");
    expect(onChange).toHaveBeenLastCalledWith(6);
  });

  it("composeEventHandlers skips the own handler after preventDefault", () => {
    const own = vi.fn();
    composeEventHandlers(
      (e: { defaultPrevented: boolean }) => void e,
      own,
    )({ defaultPrevented: true });
    expect(own).not.toHaveBeenCalled();
    composeEventHandlers(undefined, own)({ defaultPrevented: false });
    expect(own).toHaveBeenCalledTimes(1);
  });

  it("Slot merges props into its child", () => {
    const slotClick = vi.fn();
    const childClick = vi.fn();
    render(
      <Slot className="a" onClick={slotClick} data-x="1">
        <button className="b" onClick={childClick}>
          go
        </button>
      </Slot>,
    );
    const button = screen.getByRole("button");
    expect(button.className).toBe("a b");
    expect(button.getAttribute("data-x")).toBe("1");
    button.click();
    expect(childClick).toHaveBeenCalled();
    expect(slotClick).toHaveBeenCalled();
  });

  it("useIds derives related ids", () => {
    function Ids() {
      const ids = useIds("x", ["a", "b"]);
      return <span data-a={ids.a} data-b={ids.b} />;
    }
    const { container } = render(<Ids />);
    const span = container.querySelector("span")!;
    expect(span.getAttribute("data-a")).toMatch(/^colloquy-x-.+-a$/);
    expect(span.getAttribute("data-b")).toBe(span.getAttribute("data-a")!.replace(/a$/, "b"));
  });

  it("strings merge over the defaults and nest", () => {
    function Show() {
      const s = useStrings();
      return <span>{`${s.copy}|${s.send}|${s.thoughtFor(3)}`}</span>;
    }
    render(
      <StringsProvider strings={{ copy: "Kopieren" }}>
        <StringsProvider strings={{ send: "Senden", thoughtFor: (n) => `${n} s` }}>
          <Show />
        </StringsProvider>
      </StringsProvider>,
    );
    expect(screen.getByText("Kopieren|Senden|3 s")).toBeTruthy();
    expect(defaultStrings.thoughtFor(1)).toBe("Thought for 1 second");
  });
});
