import { encodeWav } from "../../core/model/wav.js";

/**
 * Sample rate of recordings: 24 kHz mono keeps speech clear at 48 KB a second, so the
 * default 5 MB attachment limit holds about a minute and a half.
 */
const RECORDING_SAMPLE_RATE = 24_000;

/** A recording in progress. */
export interface AudioRecording {
  /** Stops, and resolves with the recording as a WAV file. */
  stop: () => Promise<File>;
  /** Stops and throws the recording away. */
  cancel: () => void;
}

/**
 * Starts recording from the microphone (the browser asks the user first). MediaRecorder
 * gives webm or ogg, which `input_audio` does not take, so on stop the recording is decoded
 * and encoded again as 16-bit PCM WAV. Rejects when the microphone cannot be used.
 */
export async function startRecording(): Promise<AudioRecording> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const release = () => {
    for (const track of stream.getTracks()) track.stop();
  };
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(stream);
  } catch (error) {
    release();
    throw error;
  }
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };
  const stopped = new Promise<Blob>((resolve, reject) => {
    recorder.onstop = () => {
      release();
      resolve(new Blob(chunks, { type: recorder.mimeType }));
    };
    recorder.onerror = () => {
      release();
      reject(new Error("the recording failed"));
    };
  });
  // Chunks every second, so a long recording is not held by the recorder alone.
  recorder.start(1000);
  return {
    stop: async () => {
      if (recorder.state !== "inactive") recorder.stop();
      const wav = await toWav(await stopped);
      const time = new Date().toISOString().slice(11, 19).replaceAll(":", "-");
      return new File([wav], `recording-${time}.wav`, { type: "audio/wav" });
    },
    cancel: () => {
      if (recorder.state !== "inactive") recorder.stop();
      release();
    },
  };
}

/** Decodes what MediaRecorder made and renders it as mono WAV at the recording rate. */
async function toWav(recorded: Blob): Promise<Uint8Array<ArrayBuffer>> {
  const context = new AudioContext();
  let decoded: AudioBuffer;
  try {
    decoded = await context.decodeAudioData(await recorded.arrayBuffer());
  } finally {
    void context.close();
  }
  const frames = Math.max(1, Math.ceil(decoded.duration * RECORDING_SAMPLE_RATE));
  // An offline context of one channel mixes the channels down and resamples in one pass.
  const offline = new OfflineAudioContext(1, frames, RECORDING_SAMPLE_RATE);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  const rendered = await offline.startRendering();
  return encodeWav(rendered.getChannelData(0), RECORDING_SAMPLE_RATE);
}
