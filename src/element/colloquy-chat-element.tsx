import { createRoot, type Root } from "react-dom/client";
import { ChatStore } from "../core/chat/chat-store.js";
import type { SendResult } from "../core/chat/types.js";
import { createChatClient } from "../core/client/create-chat-client.js";
import type { ApiChoice, ToolInput } from "../core/client/types.js";
import { Chat } from "../ui/chat/chat.js";
import type { ColloquyTheme } from "../ui/theme/index.js";
import {
  OBSERVED_ATTRIBUTES,
  parseApi,
  propertyOfAttribute,
  parsePosition,
  parseTheme,
  type ObservedAttribute,
} from "./element-attributes.js";
import { watchParts } from "./element-parts.js";
import {
  defaultElementStrings,
  type ColloquyChatStrings,
  type ElementStrings,
} from "./element-strings.js";
import { fireColloquyEvent, type ColloquyChatEventMap } from "./events.js";
import { Launcher, type LauncherPosition } from "./launcher.js";
import { adoptElementStyles } from "./shared-style-sheet.js";
import { watchToolCalls } from "./tool-call-announcer.js";

// Importing this module where there is no DOM (a server render) must not throw.
const ElementBase = (
  typeof HTMLElement === "undefined" ? class {} : HTMLElement
) as typeof HTMLElement;

/** Properties a framework may set before the element is defined; they are re-applied on upgrade. */
const UPGRADED_PROPERTIES = [
  ...OBSERVED_ATTRIBUTES.map(propertyOfAttribute),
  "tools",
  "strings",
] as const;

/**
 * `<colloquy-chat>`: the drop-in `<Chat>` as a custom element, for any page. The chat renders
 * in a shadow root with the kit's styles inside, so the page's CSS cannot reach it and its CSS
 * cannot reach the page; `--colloquy-*` custom properties set on the element theme it, and
 * `::part()` names (chat, messages, message, composer, input, send-button, stop-button, error,
 * launcher, panel, panel-header, close-button) style its pieces. Each element keeps its own
 * conversation; `storage-id` keeps it across reloads.
 */
// The interface of the same name below only adds typed overloads of inherited methods.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ColloquyChatElement extends ElementBase {
  /** The attributes whose changes re-render the chat. */
  static get observedAttributes(): readonly ObservedAttribute[] {
    return OBSERVED_ATTRIBUTES;
  }

  #root: Root | undefined;
  #container: HTMLDivElement | undefined;
  #store: ChatStore | undefined;
  #storeKey: string | null = null;
  #generation = 0;
  #stopPartWatch: (() => void) | undefined;
  #stopToolWatch: (() => void) | undefined;
  #tools: readonly ToolInput[] | undefined;
  #strings: ColloquyChatStrings | undefined;

  /** Where the OpenAI-compatible API lives (default `/api/openai/v1`, where `colloquy serve` puts it). */
  get endpoint(): string | null {
    return this.getAttribute("endpoint");
  }
  set endpoint(value: string | null) {
    this.#reflect("endpoint", value);
  }

  /** The model, e.g. `gpt-4.1-mini`. */
  get model(): string | null {
    return this.getAttribute("model");
  }
  set model(value: string | null) {
    this.#reflect("model", value);
  }

  /** Which API to call: `responses`, `chat` or `auto` (the default). */
  get api(): ApiChoice | null {
    return parseApi(this.getAttribute("api")) ?? null;
  }
  set api(value: ApiChoice | null) {
    this.#reflect("api", value);
  }

  /** System instructions sent with every turn. */
  get instructions(): string | null {
    return this.getAttribute("instructions");
  }
  set instructions(value: string | null) {
    this.#reflect("instructions", value);
  }

  /** Placeholder of the text box. */
  get placeholder(): string | null {
    return this.getAttribute("placeholder");
  }
  set placeholder(value: string | null) {
    this.#reflect("placeholder", value);
  }

  /** The palette: `light`, `dark` or `system` (follow the OS; the default). */
  get theme(): ColloquyTheme {
    return parseTheme(this.getAttribute("theme"));
  }
  set theme(value: ColloquyTheme | null) {
    this.#reflect("theme", value);
  }

  /** Keeps the conversation across reloads (in localStorage) under this key; none keeps nothing. */
  get storageId(): string | null {
    return this.getAttribute("storage-id");
  }
  set storageId(value: string | null) {
    this.#reflect("storage-id", value);
  }

  /** The language of the chat's text (a BCP 47 tag, set as `lang` inside); wording comes from `strings`. */
  get locale(): string | null {
    return this.getAttribute("locale");
  }
  set locale(value: string | null) {
    this.#reflect("locale", value);
  }

  /** Floating widget mode: a round button in a corner opens the chat in a panel. */
  get launcher(): boolean {
    return this.hasAttribute("launcher");
  }
  set launcher(value: boolean) {
    this.toggleAttribute("launcher", Boolean(value));
  }

  /** In launcher mode, whether the panel is open (set it for the initial state; it follows the user). */
  get open(): boolean {
    return this.hasAttribute("open");
  }
  set open(value: boolean) {
    this.toggleAttribute("open", Boolean(value));
  }

  /** In launcher mode, the corner: `bottom-right` (default) or `bottom-left`. */
  get position(): LauncherPosition {
    return parsePosition(this.getAttribute("position"));
  }
  set position(value: LauncherPosition | null) {
    this.#reflect("position", value);
  }

  /**
   * Whether answers show thumbs up and down (with an optional comment); each rating fires
   * `colloquy-feedback`. Off unless set, so no page shows buttons nobody listens to.
   */
  get feedback(): boolean {
    return this.hasAttribute("feedback");
  }
  set feedback(value: boolean) {
    this.toggleAttribute("feedback", Boolean(value));
  }

  /** Tools the model may call (`defineTool` results or OpenAI tool objects); a property only. */
  get tools(): readonly ToolInput[] | undefined {
    return this.#tools;
  }
  set tools(value: readonly ToolInput[] | undefined) {
    this.#tools = value;
    this.#render();
  }

  /** Wording overrides for the kit's strings and the launcher's; a property only. */
  get strings(): ColloquyChatStrings | undefined {
    return this.#strings;
  }
  set strings(value: ColloquyChatStrings | undefined) {
    this.#strings = value;
    this.#render();
  }

  /** Sends `text` as the user, as if typed; resolves once the answer is done (or was refused). */
  send(text: string): Promise<SendResult> {
    return this.#currentStore().send(text);
  }

  /** Stops the answer being streamed, keeping what arrived. */
  stop(): void {
    this.#store?.stop();
  }

  /** Starts over: stops any answer and empties the conversation (and its stored copy). */
  clear(): void {
    const store = this.#currentStore();
    store.stop();
    store.clearError();
    store.setMessages([]);
  }

  /** @internal Custom element lifecycle: renders the chat into the shadow root. */
  connectedCallback(): void {
    for (const name of UPGRADED_PROPERTIES) this.#upgradeProperty(name);
    if (!this.#container) {
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      adoptElementStyles(shadow);
      this.#container = document.createElement("div");
      this.#container.className = "colloquy-element";
      this.#container.setAttribute("part", "root");
      shadow.append(this.#container);
    }
    if (!this.#root) {
      this.#root = createRoot(this.#container);
      this.#stopPartWatch = watchParts(this.shadowRoot as ShadowRoot);
    }
    this.#render();
  }

  /** @internal Unmounts once the element has really left the page (a move reconnects at once). */
  disconnectedCallback(): void {
    queueMicrotask(() => {
      if (this.isConnected || !this.#root) return;
      this.#root.unmount();
      this.#root = undefined;
      this.#stopPartWatch?.();
    });
  }

  /** @internal A watched attribute changed: render with it. */
  attributeChangedCallback(_name: string, previous: string | null, next: string | null): void {
    if (previous !== next) this.#render();
  }

  #reflect(name: ObservedAttribute, value: string | null | undefined): void {
    if (value === null || value === undefined) this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  #upgradeProperty(name: (typeof UPGRADED_PROPERTIES)[number]): void {
    if (!Object.prototype.hasOwnProperty.call(this, name)) return;
    const value = (this as Record<string, unknown>)[name];
    delete (this as Record<string, unknown>)[name];
    (this as Record<string, unknown>)[name] = value;
  }

  /** The conversation for the current `storage-id`: a new one when the id changed. */
  #currentStore(): ChatStore {
    const key = this.getAttribute("storage-id");
    if (!this.#store || this.#storeKey !== key) {
      this.#stopToolWatch?.();
      this.#store?.dispose();
      this.#store = this.#createStore(key);
      this.#storeKey = key;
      this.#generation++;
    }
    return this.#store;
  }

  #createStore(storageId: string | null): ChatStore {
    const endpoint = this.getAttribute("endpoint");
    const model = this.getAttribute("model");
    const api = parseApi(this.getAttribute("api"));
    const store = new ChatStore({
      // `<Chat>` replaces this client whenever endpoint, model or api change; this one serves
      // a `send()` made before the first render.
      client: createChatClient({
        ...(endpoint ? { baseURL: endpoint } : {}),
        ...(model ? { model } : {}),
        ...(api ? { api } : {}),
      }),
      ...(storageId ? { id: storageId } : { storage: null }),
      onError: (error) => fireColloquyEvent(this, "colloquy-error", { error }),
      onFinish: (message) => fireColloquyEvent(this, "colloquy-message", { message }),
    });
    this.#stopToolWatch = watchToolCalls(store, ({ messageId, part }) =>
      fireColloquyEvent(this, "colloquy-tool-call", {
        messageId,
        toolCallId: part.toolCallId,
        toolName: part.toolName,
        input: part.input,
        state: part.state,
        respond: (output) => store.addToolResult({ toolCallId: part.toolCallId, output }),
      }),
    );
    return store;
  }

  #render(): void {
    if (!this.#root || !this.#container) return;
    const store = this.#currentStore();
    const locale = this.getAttribute("locale");
    if (locale) this.#container.setAttribute("lang", locale);
    else this.#container.removeAttribute("lang");
    const launcher = this.hasAttribute("launcher");
    this.#container.toggleAttribute("data-launcher", launcher);
    const chat = (
      <Chat
        key={this.#generation}
        endpoint={this.getAttribute("endpoint") ?? undefined}
        model={this.getAttribute("model") ?? undefined}
        api={parseApi(this.getAttribute("api"))}
        instructions={this.getAttribute("instructions") ?? undefined}
        placeholder={this.getAttribute("placeholder") ?? undefined}
        theme={this.theme}
        tools={this.#tools}
        strings={this.#strings}
        chatOptions={{ store }}
        onFeedback={
          this.feedback
            ? (feedback) => fireColloquyEvent(this, "colloquy-feedback", feedback)
            : undefined
        }
      />
    );
    if (!launcher) {
      this.#root.render(chat);
      return;
    }
    const frame: ElementStrings = { ...defaultElementStrings, ...this.#strings };
    this.#root.render(
      <Launcher
        open={this.open}
        onOpenChange={(open) => {
          this.open = open;
        }}
        position={this.position}
        strings={frame}
      >
        {chat}
      </Launcher>,
    );
  }
}

/** The element's events, typed for `addEventListener`. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface ColloquyChatElement {
  addEventListener<Name extends keyof ColloquyChatEventMap>(
    type: Name,
    listener: (this: ColloquyChatElement, event: ColloquyChatEventMap[Name]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<Name extends keyof HTMLElementEventMap>(
    type: Name,
    listener: (this: ColloquyChatElement, event: HTMLElementEventMap[Name]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<Name extends keyof ColloquyChatEventMap>(
    type: Name,
    listener: (this: ColloquyChatElement, event: ColloquyChatEventMap[Name]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<Name extends keyof HTMLElementEventMap>(
    type: Name,
    listener: (this: ColloquyChatElement, event: HTMLElementEventMap[Name]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}
