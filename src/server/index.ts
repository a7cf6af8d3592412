/** colloquy/server: coming in its own issue. */
export {};
