/**
 * The output-token cap clamps rather than rejects: a request asking for more than the cap,
 * or not saying, is sent with the cap, so clients that ask generously keep working and the
 * bill stays bounded. Returns the body to send upstream (a copy when it changed).
 */
export function clampResponsesOutputTokens<T extends { max_output_tokens?: number | null }>(
  body: T,
  cap: number | undefined,
): T {
  if (cap === undefined) return body;
  const asked = body.max_output_tokens;
  if (typeof asked === "number" && asked <= cap) return body;
  return { ...body, max_output_tokens: cap };
}

/**
 * Chat Completions variant of {@link clampResponsesOutputTokens}: clamps `max_tokens` and
 * `max_completion_tokens` where given, and sets `max_completion_tokens` when neither is.
 */
export function clampChatOutputTokens<
  T extends { max_tokens?: number | null; max_completion_tokens?: number | null },
>(body: T, cap: number | undefined): T {
  if (cap === undefined) return body;
  const legacy = body.max_tokens;
  const current = body.max_completion_tokens;
  if (typeof legacy !== "number" && typeof current !== "number") {
    return { ...body, max_completion_tokens: cap };
  }
  const over = (value: number | null | undefined) => typeof value === "number" && value > cap;
  if (!over(legacy) && !over(current)) return body;
  return {
    ...body,
    ...(over(legacy) ? { max_tokens: cap } : {}),
    ...(over(current) ? { max_completion_tokens: cap } : {}),
  };
}
