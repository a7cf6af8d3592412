import { describe, expect, it, vi } from "vitest";
import { act, createEvent, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { formatFileSize, validateAttachment } from "../../src/ui/composer/validate-attachment.js";
import { Composer } from "../../src/ui/index.js";

const png = () => new File([new Uint8Array([137, 80, 78, 71])], "cat.png", { type: "image/png" });
const pdf = (size = 10) =>
  new File([new Uint8Array(size)], "report.pdf", { type: "application/pdf" });

function setup(props: Partial<Parameters<typeof Composer>[0]> = {}) {
  const onSend = vi.fn();
  const user = userEvent.setup();
  render(<Composer onSend={onSend} {...props} />);
  const input = screen.getByRole("textbox", { name: "Message" });
  return { onSend, user, input };
}

describe("<Composer> keyboard", () => {
  it("sends on Enter and clears the text", async () => {
    const { onSend, user, input } = setup();
    await user.type(input, "Hello{Enter}");
    expect(onSend).toHaveBeenCalledWith({ text: "Hello", files: [] });
    expect((input as HTMLTextAreaElement).value).toBe("");
  });

  it("breaks the line on Shift+Enter", async () => {
    const { onSend, user, input } = setup();
    await user.type(input, "one{Shift>}{Enter}{/Shift}two");
    expect(onSend).not.toHaveBeenCalled();
    expect((input as HTMLTextAreaElement).value).toBe("one\ntwo");
  });

  it("does not send while an input method is composing", () => {
    const { onSend, input } = setup({ defaultValue: "にほん" });
    fireEvent.compositionStart(input);
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.compositionEnd(input);
    const composingEnter = createEvent.keyDown(input, { key: "Enter", keyCode: 229 });
    fireEvent(input, composingEnter);
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onSend).toHaveBeenCalledWith({ text: "にほん", files: [] });
  });

  it("disables send while empty and does not send whitespace", async () => {
    const { onSend, user, input } = setup();
    const send = screen.getByRole("button", { name: "Send" }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await user.type(input, "   {Enter}");
    expect(onSend).not.toHaveBeenCalled();
    await user.type(input, "x");
    expect(send.disabled).toBe(false);
  });

  it("shows a stop button while streaming and holds Enter", async () => {
    const onStop = vi.fn();
    const { onSend, user, input } = setup({ status: "streaming", onStop, defaultValue: "next" });
    expect(screen.queryByRole("button", { name: "Send" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Stop" }));
    expect(onStop).toHaveBeenCalledTimes(1);
    await user.type(input, "{Enter}");
    expect(onSend).not.toHaveBeenCalled();
  });

  it("works controlled", async () => {
    const onSend = vi.fn();
    const seen: string[] = [];
    function Controlled() {
      const [value, setValue] = useState("draft");
      return (
        <Composer
          onSend={onSend}
          value={value}
          onValueChange={(next) => {
            seen.push(next);
            setValue(next);
          }}
        />
      );
    }
    const user = userEvent.setup();
    render(<Controlled />);
    const input = screen.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement;
    expect(input.value).toBe("draft");
    await user.type(input, "!{Enter}");
    expect(onSend).toHaveBeenCalledWith({ text: "draft!", files: [] });
    expect(seen.at(-1)).toBe("");
    expect(input.value).toBe("");
  });
});

describe("<Composer> attachments", () => {
  it("attaches by picker, shows thumbnails and chips, and removes them", async () => {
    const { onSend, user } = setup({ accept: "image/*,application/pdf" });
    const picker = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(picker, [png(), pdf()]);
    const list = screen.getByRole("list", { name: "Attachments" });
    expect(list.textContent).toContain("report.pdf");
    expect(list.textContent).toContain("PDF");
    await waitFor(() => expect(screen.getByRole("img", { name: "cat.png" }).tagName).toBe("IMG"));
    expect(screen.getByRole("img", { name: "cat.png" }).getAttribute("src")).toMatch(
      /^data:image\/png;base64,/,
    );
    await user.click(screen.getByRole("button", { name: "Remove attachment report.pdf" }));
    expect(list.textContent).not.toContain("report.pdf");
    // Files alone are enough to send.
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(onSend).toHaveBeenCalledTimes(1);
    expect(onSend.mock.calls[0]![0].files.map((file: File) => file.name)).toEqual(["cat.png"]);
    expect(screen.queryByRole("list", { name: "Attachments" })).toBeNull();
  });

  it("refuses a file that is too large, naming it and the limit, and keeps the text", async () => {
    const { user, input } = setup({ maxFileSize: 1024 });
    await user.type(input, "keep me");
    const picker = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(picker, pdf(4096));
    expect(screen.getByRole("alert").textContent).toBe(
      "report.pdf is too large: the limit is 1 KB.",
    );
    expect((input as HTMLTextAreaElement).value).toBe("keep me");
    expect(screen.queryByRole("list", { name: "Attachments" })).toBeNull();
  });

  it("refuses a file of the wrong type and keeps the text", async () => {
    const { input } = setup({ accept: "image/*" });
    fireEvent.change(input, { target: { value: "caption" } });
    const picker = document.querySelector('input[type="file"]') as HTMLInputElement;
    // userEvent.upload filters by accept itself; fire the change directly as a drop would.
    fireEvent.change(picker, { target: { files: [pdf()] } });
    expect(screen.getByRole("alert").textContent).toBe(
      "report.pdf is not an accepted file type (accepted: image/*).",
    );
    expect((input as HTMLTextAreaElement).value).toBe("caption");
  });

  it("attaches pasted files", async () => {
    const { input } = setup();
    const file = pdf();
    const data = { files: [file], getData: () => "", types: ["Files"] };
    fireEvent.paste(input, { clipboardData: data });
    expect(screen.getByRole("list", { name: "Attachments" }).textContent).toContain("report.pdf");
  });

  it("attaches dropped files and validates them", async () => {
    setup({ accept: "application/pdf" });
    const form = document.querySelector("form")!;
    fireEvent.dragOver(form, { dataTransfer: { types: ["Files"], files: [] } });
    expect(form.hasAttribute("data-dragging")).toBe(true);
    fireEvent.drop(form, { dataTransfer: { types: ["Files"], files: [pdf(), png()] } });
    expect(form.hasAttribute("data-dragging")).toBe(false);
    expect(screen.getByRole("list", { name: "Attachments" }).textContent).toContain("report.pdf");
    expect(screen.getByRole("alert").textContent).toContain("cat.png is not an accepted file type");
    await act(async () => {});
  });
});

describe("attachment validation", () => {
  it("matches MIME types, wildcards and extensions", () => {
    expect(
      validateAttachment({ name: "a.png", type: "image/png", size: 1 }, { accept: "image/*" }),
    ).toBeUndefined();
    expect(
      validateAttachment({ name: "a.PDF", type: "", size: 1 }, { accept: ".pdf" }),
    ).toBeUndefined();
    expect(
      validateAttachment(
        { name: "a.txt", type: "text/plain", size: 1 },
        { accept: "image/png, .pdf" },
      ),
    ).toEqual({
      reason: "type",
      accepted: ["image/png", ".pdf"],
    });
    expect(validateAttachment({ name: "a", type: "", size: 11 }, { maxFileSize: 10 })).toEqual({
      reason: "size",
      limit: 10,
    });
  });

  it("formats sizes", () => {
    expect(formatFileSize(512)).toBe("512 B");
    expect(formatFileSize(1536)).toBe("1.5 KB");
    expect(formatFileSize(20 * 1024 * 1024)).toBe("20 MB");
  });
});
