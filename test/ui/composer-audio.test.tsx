import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Composer } from "../../src/ui/index.js";
import { validateAttachment } from "../../src/ui/composer/validate-attachment.js";
import { preloadComposerRecord } from "../../src/ui/composer/composer-record.js";

const wav = () => new File([new Uint8Array([82, 73, 70, 70])], "note.wav", { type: "audio/wav" });
const ogg = () => new File([new Uint8Array([79, 103, 103])], "memo.ogg", { type: "audio/ogg" });

function pick(files: File[]) {
  const picker = document.querySelector('input[type="file"]') as HTMLInputElement;
  // As a drop would: userEvent.upload filters by accept itself.
  fireEvent.change(picker, { target: { files } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("audio in the composer", () => {
  it("attaches a WAV file as an audio chip with a player, and sends it", async () => {
    URL.createObjectURL = vi.fn(() => "blob:note") as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const onSend = vi.fn();
    const user = userEvent.setup();
    render(<Composer onSend={onSend} accept="audio/wav,audio/mpeg" />);
    pick([wav()]);
    const chip = screen.getByRole("list", { name: "Attachments" }).querySelector("li")!;
    expect(chip.getAttribute("data-kind")).toBe("audio");
    expect(chip.textContent).toContain("note.wav");
    expect(chip.textContent).toContain("WAV");
    await waitFor(() => expect(chip.querySelector("audio")?.getAttribute("src")).toBe("blob:note"));
    expect(chip.querySelector("audio")!.hasAttribute("controls")).toBe(true);
    expect(chip.querySelector("audio")!.getAttribute("aria-label")).toBe("note.wav");
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(onSend.mock.calls[0]![0].files.map((file: File) => file.name)).toEqual(["note.wav"]);
  });

  it("refuses audio the model does not take, saying to convert it, and keeps the text", () => {
    render(<Composer onSend={() => {}} accept="audio/*" />);
    const input = screen.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: "listen" } });
    pick([ogg()]);
    expect(screen.getByRole("alert").textContent).toBe(
      "memo.ogg cannot be sent: the model takes WAV or MP3 audio. Convert it, or record here.",
    );
    expect(input.value).toBe("listen");
    expect(screen.queryByRole("list", { name: "Attachments" })).toBeNull();
  });

  it("refuses audio where the API takes none (Responses), saying what to do, and keeps the text", () => {
    render(<Composer onSend={() => {}} audioInput={false} />);
    const input = screen.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: "keep me" } });
    pick([wav()]);
    expect(screen.getByRole("alert").textContent).toContain(
      "note.wav cannot be sent: this chat uses the Responses API, which takes no audio.",
    );
    expect(screen.getByRole("alert").textContent).toContain("Type your message instead");
    expect(input.value).toBe("keep me");
  });

  it("leaves audio to the accept list when it takes no audio", () => {
    expect(validateAttachment(ogg(), { accept: "image/*", audioInput: false })).toEqual({
      reason: "type",
      accepted: ["image/*"],
    });
  });
});

describe("Composer.Record", () => {
  // The button's code loads on first use; fetched ahead so the tests do not wait on the import.
  beforeAll(() => preloadComposerRecord());

  it("is not shown where the browser cannot record", () => {
    vi.stubGlobal("MediaRecorder", undefined);
    render(<Composer onSend={() => {}} />);
    expect(screen.queryByRole("button", { name: "Record audio" })).toBeNull();
  });

  it("is a labelled, keyboard-reachable button where the browser can record", async () => {
    vi.stubGlobal("MediaRecorder", class {});
    vi.stubGlobal("navigator", { ...navigator, mediaDevices: { getUserMedia: vi.fn() } });
    const user = userEvent.setup();
    render(<Composer onSend={() => {}} />);
    // The button's code loads once the browser is known to record.
    const record = await screen.findByRole("button", { name: "Record audio" });
    await user.tab(); // attach
    await user.tab(); // text box
    await user.tab();
    expect(document.activeElement).toBe(record);
  });

  it("is not shown when the accept list takes no WAV audio", () => {
    vi.stubGlobal("MediaRecorder", class {});
    vi.stubGlobal("navigator", { ...navigator, mediaDevices: { getUserMedia: vi.fn() } });
    render(<Composer onSend={() => {}} accept="image/*" />);
    expect(screen.queryByRole("button", { name: "Record audio" })).toBeNull();
  });

  it("says the API takes no audio instead of opening the microphone", async () => {
    const getUserMedia = vi.fn();
    vi.stubGlobal("MediaRecorder", class {});
    vi.stubGlobal("navigator", { ...navigator, mediaDevices: { getUserMedia } });
    const user = userEvent.setup();
    render(<Composer onSend={() => {}} audioInput={false} />);
    await user.click(await screen.findByRole("button", { name: "Record audio" }));
    expect(screen.getByRole("alert").textContent).toContain(
      "Audio cannot be sent: this chat uses the Responses API",
    );
    expect(getUserMedia).not.toHaveBeenCalled();
  });

  it("says what to do when the microphone is refused", async () => {
    const refused = new DOMException("Permission denied", "NotAllowedError");
    vi.stubGlobal("MediaRecorder", class {});
    vi.stubGlobal("navigator", {
      ...navigator,
      mediaDevices: { getUserMedia: vi.fn(() => Promise.reject(refused)) },
    });
    const user = userEvent.setup();
    render(<Composer onSend={() => {}} />);
    await user.click(await screen.findByRole("button", { name: "Record audio" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "The microphone could not be used (Permission denied). Allow microphone access and try again.",
      ),
    );
    expect(screen.getByRole("button", { name: "Record audio" })).toHaveProperty("disabled", false);
  });
});
