import { useMemo, useState, type ReactNode } from "react";
import { ChatSurface } from "../fault-lab/chat-surface.js";
import { FAULT_DIRECTIVES } from "../fault-lab/fault-directives.js";
import {
  SURFACES,
  TIMEOUT_CHOICES,
  labClient,
  saveSettings,
  savedSettings,
  settingsKey,
  type LabSettings,
  type SurfaceName,
} from "../fault-lab/lab-settings.js";
import { SavedChatSurface } from "../fault-lab/saved-chat-surface.js";
import { StructuredSurface } from "../fault-lab/structured-surface.js";
import { ToolLoopSurface } from "../fault-lab/tool-loop-surface.js";
import type { PlaygroundTheme } from "../use-theme-preference.js";
import "../fault-lab/fault-lab.css";

const SURFACE_NAMES = Object.keys(SURFACES) as SurfaceName[];

/**
 * The fault lab: pick a hook, type a fault directive (or take the proxy down, or go
 * offline in DevTools), and see what the user sees: the error, what was kept, and Retry.
 */
export function FaultLabPage({ theme }: { theme: PlaygroundTheme }): ReactNode {
  const [settings, setSettings] = useState<LabSettings>(savedSettings);
  const client = useMemo(() => labClient(settings), [settings]);
  const change = (patch: Partial<LabSettings>) =>
    setSettings((current) => {
      const next = { ...current, ...patch };
      saveSettings(next);
      return next;
    });
  const { kind } = SURFACES[settings.surface];
  const key = settingsKey(settings);
  return (
    <div className="playground__split">
      {kind === "chat" ? (
        <ChatSurface key={key} client={client} theme={theme} />
      ) : kind === "saved" ? (
        <SavedChatSurface key={key} client={client} theme={theme} />
      ) : kind === "tools" ? (
        <ToolLoopSurface key={key} client={client} />
      ) : (
        <StructuredSurface key={key} client={client} />
      )}
      <section className="playground__side fault-lab__settings" aria-label="Fault settings">
        <fieldset className="fault-lab__fieldset">
          <legend>Surface</legend>
          {SURFACE_NAMES.map((name) => (
            <label key={name} className="fault-lab__choice">
              <input
                type="radio"
                name="fault-lab-surface"
                value={name}
                checked={settings.surface === name}
                onChange={() => change({ surface: name })}
              />
              {SURFACES[name].label}
            </label>
          ))}
        </fieldset>
        <label className="fault-lab__field">
          Client timeout
          <select
            value={settings.timeoutSeconds}
            onChange={(event) => change({ timeoutSeconds: Number(event.target.value) })}
          >
            {TIMEOUT_CHOICES.map((seconds) => (
              <option key={seconds} value={seconds}>
                {seconds === 0 ? "None" : `${seconds} s`}
              </option>
            ))}
          </select>
        </label>
        <label className="fault-lab__choice">
          <input
            type="checkbox"
            checked={settings.autoRetry}
            onChange={(event) => change({ autoRetry: event.target.checked })}
          />
          Retry 429, 5xx and network errors automatically
        </label>
        <p className="playground__muted">Changing a setting starts a new conversation.</p>
        <h2>Faults</h2>
        <p className="playground__muted">
          Put one in your message. It fails the first try of that request only, so Retry recovers.
        </p>
        <dl className="fault-lab__directives">
          {FAULT_DIRECTIVES.map(({ directive, effect }) => (
            <div key={directive}>
              <dt>
                <code>{directive}</code>
              </dt>
              <dd>{effect}</dd>
            </div>
          ))}
        </dl>
        <p className="playground__muted">
          Also try: DevTools, Network, Offline; or stop <code>npm start</code> and start it again.
        </p>
      </section>
    </div>
  );
}
