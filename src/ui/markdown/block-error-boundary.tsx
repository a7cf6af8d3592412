import { Component, type ReactNode } from "react";
import type { Token } from "marked";

/** Props of {@link BlockErrorBoundary}. */
export interface BlockErrorBoundaryProps {
  /** The block rendered inside; its source is what shows should rendering it fail. */
  token: Token;
  /** The rendered block. */
  children: ReactNode;
}

interface BlockErrorBoundaryState {
  /** The token whose rendering failed; a new token (the block grew) is tried again. */
  failed: Token | undefined;
}

/**
 * Catches an error in rendering one markdown block and shows that block as its source text
 * instead. Without it, an error in one block (a token no renderer foresaw, a highlighter or
 * math renderer that throws) would unmount the whole conversation, leaving the page showing
 * neither the answer nor an error.
 */
export class BlockErrorBoundary extends Component<
  BlockErrorBoundaryProps,
  BlockErrorBoundaryState
> {
  override state: BlockErrorBoundaryState = { failed: undefined };

  static getDerivedStateFromError(): Partial<BlockErrorBoundaryState> {
    // The token is not known here; `componentDidCatch` records which one failed.
    return { failed: FAILED_PENDING };
  }

  override componentDidCatch(): void {
    this.setState({ failed: this.props.token });
  }

  override render(): ReactNode {
    const { failed } = this.state;
    if (failed === FAILED_PENDING || failed === this.props.token) {
      return (
        <p className="colloquy-markdown__paragraph" data-state="error">
          {this.props.token.raw.trimEnd()}
        </p>
      );
    }
    return this.props.children;
  }
}

/** Set by `getDerivedStateFromError` until `componentDidCatch` names the failed token. */
const FAILED_PENDING: Token = { type: "space", raw: "" };
