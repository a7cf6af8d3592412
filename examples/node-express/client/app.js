// The page's script: colloquy's framework-free client, streaming through the proxy.
import { createChatClient, messageText } from "colloquy";

const client = createChatClient({ baseURL: "/api/openai/v1", model: "gpt-4.1-mini" });
const form = document.querySelector("form");
const input = document.querySelector("input");
const log = document.querySelector("#messages");
const conversation = [];

function bubble(role, text) {
  const item = document.createElement("li");
  item.dataset.role = role;
  item.textContent = text;
  log.append(item);
  return item;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  form.querySelector("button").disabled = true;
  bubble("user", text);
  conversation.push(["user", text]);
  const answer = bubble("assistant", "…");
  try {
    let last;
    for await (const message of client.stream(conversation)) {
      answer.textContent = messageText(message);
      last = message;
    }
    if (last) conversation.push(last);
  } catch (error) {
    answer.dataset.role = "error";
    answer.textContent = error instanceof Error ? error.message : String(error);
  } finally {
    form.querySelector("button").disabled = false;
  }
});
