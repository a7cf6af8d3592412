import type { z } from "zod";
import { ProxyRejection } from "./openai-error.js";
import { formatParam } from "./request-schemas.js";

/**
 * Checks a parsed body against a request schema; the first problem becomes a 400 whose
 * message names the parameter, what it should be, and which endpoint expected it.
 */
export function validateBody<T extends z.ZodType>(
  schema: T,
  body: unknown,
  endpoint: string,
): z.infer<T> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ProxyRejection(400, `The body of ${endpoint} must be a JSON object.`, {
      code: "invalid_body",
    });
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue ? formatParam(issue.path) : null;
  const reason = issue?.message ?? "invalid value";
  throw new ProxyRejection(
    400,
    `Invalid ${param ? `'${param}'` : "body"} in ${endpoint}: ${reason}.`,
    { param, code: "invalid_value" },
  );
}
