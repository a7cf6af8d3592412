import { useId, type ReactNode } from "react";
import type { ComputerAction } from "./computer-actions.js";
import { formatScroll } from "./computer-actions.js";

/** Props of {@link ActionOverlay}. */
export interface ActionOverlayProps {
  /** The actions to draw, in order. */
  actions: readonly ComputerAction[];
  /** The screenshot's width in its own pixels (the coordinate space of the actions). */
  width: number;
  /** The screenshot's height in its own pixels. */
  height: number;
}

/**
 * The actions drawn over a screenshot in the screenshot's own pixel space, so the SVG
 * scales with the image: rings for clicks, a path with an arrow for drags, an arrow with
 * the amount for scrolls, a crosshair for moves.
 */
export function ActionOverlay({ actions, width, height }: ActionOverlayProps): ReactNode {
  const markerId = `colloquy-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const unit = Math.max(width, height) / 100;
  return (
    <svg
      className="colloquy-computer__overlay"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <marker
          id={markerId}
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="5"
          markerHeight="5"
          orient="auto-start-reverse"
        >
          <path d="M0 0L10 5L0 10z" className="colloquy-computer__arrowhead" />
        </marker>
      </defs>
      {actions.map((action, index) => (
        <g key={index} className="colloquy-computer__mark" data-action={action.type}>
          {drawAction(action, unit, markerId)}
        </g>
      ))}
    </svg>
  );
}

function label(x: number, y: number, text: string, unit: number): ReactNode {
  const fontSize = unit * 1.8;
  const padding = unit * 0.6;
  const boxWidth = text.length * fontSize * 0.66 + padding * 2;
  const boxHeight = fontSize + padding * 1.4;
  return (
    <g className="colloquy-computer__label">
      <rect
        x={x}
        y={y - boxHeight / 2}
        width={boxWidth}
        height={boxHeight}
        rx={boxHeight / 2}
        className="colloquy-computer__label-box"
      />
      <text
        x={x + padding}
        y={y}
        dominantBaseline="central"
        fontSize={fontSize}
        // The box is sized from an average glyph width; the text is fitted to it, so a label of
        // wide glyphs ("↓ 400px" in semibold) never runs past the pill's end.
        textLength={boxWidth - padding * 2}
        lengthAdjust="spacingAndGlyphs"
        className="colloquy-computer__label-text"
      >
        {text}
      </text>
    </g>
  );
}

function drawAction(action: ComputerAction, unit: number, markerId: string): ReactNode {
  const ring = unit * 2.2;
  switch (action.type) {
    case "click":
      return (
        <>
          <circle
            cx={action.x}
            cy={action.y}
            r={ring}
            className="colloquy-computer__ring"
            strokeWidth={unit * 0.5}
          />
          <circle cx={action.x} cy={action.y} r={unit * 0.6} className="colloquy-computer__dot" />
          {label(action.x + ring + unit, action.y, action.button, unit)}
        </>
      );
    case "double_click":
      return (
        <>
          <circle
            cx={action.x}
            cy={action.y}
            r={ring}
            className="colloquy-computer__ring"
            strokeWidth={unit * 0.5}
          />
          <circle
            cx={action.x}
            cy={action.y}
            r={ring * 1.5}
            className="colloquy-computer__ring"
            strokeWidth={unit * 0.5}
          />
          <circle cx={action.x} cy={action.y} r={unit * 0.6} className="colloquy-computer__dot" />
          {label(action.x + ring * 1.5 + unit, action.y, "×2", unit)}
        </>
      );
    case "drag": {
      const points = action.path.map((p) => `${p.x},${p.y}`).join(" ");
      const start = action.path[0];
      return (
        <>
          <polyline
            points={points}
            className="colloquy-computer__path"
            strokeWidth={unit * 0.5}
            markerEnd={`url(#${markerId})`}
          />
          {start ? (
            <circle cx={start.x} cy={start.y} r={unit * 0.9} className="colloquy-computer__dot" />
          ) : null}
        </>
      );
    }
    case "scroll": {
      const length = unit * 8;
      const magnitude = Math.hypot(action.scroll_x, action.scroll_y) || 1;
      const dx = (action.scroll_x / magnitude) * length;
      const dy = (action.scroll_y / magnitude) * length;
      return (
        <>
          <circle cx={action.x} cy={action.y} r={unit * 0.9} className="colloquy-computer__dot" />
          <line
            x1={action.x}
            y1={action.y}
            x2={action.x + dx}
            y2={action.y + dy}
            className="colloquy-computer__path"
            strokeWidth={unit * 0.5}
            markerEnd={`url(#${markerId})`}
          />
          {label(
            action.x + Math.max(dx, 0) + unit * 1.5,
            action.y + dy / 2,
            formatScroll(action.scroll_x, action.scroll_y),
            unit,
          )}
        </>
      );
    }
    case "move": {
      const arm = unit * 2;
      return (
        <>
          <line
            x1={action.x - arm}
            y1={action.y}
            x2={action.x + arm}
            y2={action.y}
            className="colloquy-computer__crosshair"
            strokeWidth={unit * 0.35}
          />
          <line
            x1={action.x}
            y1={action.y - arm}
            x2={action.x}
            y2={action.y + arm}
            className="colloquy-computer__crosshair"
            strokeWidth={unit * 0.35}
          />
        </>
      );
    }
    default:
      // type, keypress, wait and screenshot have no position: the caption chip shows them.
      return null;
  }
}
