import type { ResponseComputerToolCall } from "openai/resources/responses/responses";

/** The size of the pretend screen, as told to the model in the tool definition. */
export const SCREEN = { width: 1024, height: 640 } as const;

/** A one-line description of what the executor did, drawn on the screen. */
function describe(action: ResponseComputerToolCall["action"] | undefined): string {
  if (!action) return "Opened the browser";
  switch (action.type) {
    case "click":
    case "double_click":
      return `${action.type.replace("_", " ")} at ${action.x}, ${action.y}`;
    case "type":
      return `typed "${action.text}"`;
    case "keypress":
      return `pressed ${action.keys.join("+")}`;
    case "scroll":
      return `scrolled by ${action.scroll_x}, ${action.scroll_y}`;
    default:
      return action.type;
  }
}

/**
 * Draws the app-side "computer" after an action: a browser-like window with a search box,
 * the typed text, and a marker where the pointer went. Returns a PNG data URL.
 */
export function drawFakeScreen(
  action: ResponseComputerToolCall["action"] | undefined,
  step: number,
  typed: string,
): string {
  const canvas = document.createElement("canvas");
  canvas.width = SCREEN.width;
  canvas.height = SCREEN.height;
  const g = canvas.getContext("2d");
  if (!g) return "";
  g.fillStyle = "#f4f5f7";
  g.fillRect(0, 0, SCREEN.width, SCREEN.height);
  g.fillStyle = "#dfe3ea";
  g.fillRect(0, 0, SCREEN.width, 48);
  g.fillStyle = "#ffffff";
  g.fillRect(120, 10, 780, 28);
  g.fillStyle = "#555";
  g.font = "16px sans-serif";
  g.fillText("https://example.com/search", 132, 30);
  g.fillStyle = "#ffffff";
  g.strokeStyle = "#8a93a6";
  g.fillRect(212, 260, 600, 48);
  g.strokeRect(212, 260, 600, 48);
  g.fillStyle = "#222";
  g.font = "20px sans-serif";
  g.fillText(typed || "Search...", 228, 292);
  g.fillStyle = "#1f6feb";
  g.font = "bold 22px sans-serif";
  g.fillText(`Step ${step}: ${describe(action)}`, 40, SCREEN.height - 40);
  if (action && "x" in action && "y" in action) {
    g.beginPath();
    g.arc(action.x, action.y, 14, 0, Math.PI * 2);
    g.strokeStyle = "#e5484d";
    g.lineWidth = 4;
    g.stroke();
  }
  return canvas.toDataURL("image/png");
}
