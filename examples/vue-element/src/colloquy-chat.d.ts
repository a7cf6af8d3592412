// Types <colloquy-chat>'s attributes in Vue templates (docs/element.md).
import type { DefineComponent } from "vue";
import type { ColloquyChatAttributes } from "colloquy/element";

declare module "vue" {
  interface GlobalComponents {
    "colloquy-chat": DefineComponent<ColloquyChatAttributes>;
  }
}
