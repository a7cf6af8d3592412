/** colloquy/ui: coming in its own issue. */
export {};
