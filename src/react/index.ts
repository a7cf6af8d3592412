/** colloquy/react: coming in its own issue. */
export {};
