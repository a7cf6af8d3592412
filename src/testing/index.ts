/** colloquy/testing: coming in its own issue. */
export {};
