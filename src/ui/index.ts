/** colloquy/ui: composable React components for OpenAI chat output. */
import "./styles.css";
