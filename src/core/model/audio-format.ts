import type { Message } from "./message.js";

/**
 * Stamps the requested audio `format` on a message's output audio parts. Chat Completions
 * answers carry the audio but not its encoding (that was chosen in the request's
 * `audio.format`), and a player needs it. Parts that already say their format keep it; the
 * message is returned as is when nothing changes. Pure.
 */
export function withAudioFormat(message: Message, format: string | undefined): Message {
  if (!format) return message;
  let changed = false;
  const parts = message.parts.map((part) => {
    if (part.type !== "audio" || part.origin !== "output" || part.format) return part;
    changed = true;
    return { ...part, format };
  });
  return changed ? { ...message, parts } : message;
}

/**
 * The `input_audio` formats Chat Completions takes (wav and mp3), by the MIME types browsers
 * and operating systems give those files.
 */
const INPUT_AUDIO_FORMATS: Record<string, "wav" | "mp3"> = {
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/vnd.wave": "wav",
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
};

/** The MIME types of audio Chat Completions takes as `input_audio`. */
export const INPUT_AUDIO_TYPES: readonly string[] = Object.keys(INPUT_AUDIO_FORMATS);

/**
 * The `input_audio` format of a MIME type: `wav` or `mp3`, or undefined for audio the API
 * does not take (webm, ogg, m4a...), which must be converted first. Pure.
 */
export function inputAudioFormat(mediaType: string): "wav" | "mp3" | undefined {
  return INPUT_AUDIO_FORMATS[mediaType.toLowerCase()];
}
