import type { MessageError } from "../model/message.js";

type Loose = Record<string, unknown>;

/** An error object from the wire (`{ message, code, type }`) as `MessageError`. */
export function messageErrorFromWire(raw: unknown, fallback: string): MessageError {
  const wire = (typeof raw === "object" && raw !== null ? raw : {}) as Loose;
  const error: MessageError = {
    message: typeof wire.message === "string" && wire.message !== "" ? wire.message : fallback,
  };
  if (typeof wire.code === "string") error.code = wire.code;
  if (typeof wire.type === "string") error.type = wire.type;
  return error;
}
