/** Strings of the composer's audio input: the record button and why audio was refused. */
export interface AudioInputStrings {
  /** The record button, before recording. */
  recordAudio: string;
  /** The record button while recording: stops and attaches the recording. */
  stopRecording: string;
  /** Announced and shown while recording, with the time so far (e.g. `0:07`). */
  recording: (elapsed: string) => string;
  /** An audio file in a format the model does not take, naming the file. */
  audioFormatNotAccepted: (name: string) => string;
  /** Audio in a chat whose API takes none (the Responses API), naming the file if any. */
  audioInputUnsupported: (name?: string) => string;
  /** The microphone could not be used, with the browser's reason. */
  microphoneFailed: (reason: string) => string;
}

/** The English audio input strings. */
export const defaultAudioInputStrings: AudioInputStrings = {
  recordAudio: "Record audio",
  stopRecording: "Stop recording",
  recording: (elapsed) => `Recording ${elapsed}`,
  audioFormatNotAccepted: (name) =>
    `${name} cannot be sent: the model takes WAV or MP3 audio. Convert it, or record here.`,
  audioInputUnsupported: (name) =>
    `${name ?? "Audio"} cannot be sent: this chat uses the Responses API, which takes no audio. Type your message instead.`,
  microphoneFailed: (reason) =>
    `The microphone could not be used (${reason}). Allow microphone access and try again.`,
};
