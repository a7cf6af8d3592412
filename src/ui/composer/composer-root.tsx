import type { DragEvent, FormEvent, FormHTMLAttributes, ReactNode, Ref } from "react";
import { composeEventHandlers } from "../primitives/index.js";
import { ColloquyScope } from "../theme/colloquy-scope.js";
import { ComposerContext } from "./composer-context.js";
import { useComposerState, type ComposerOptions } from "./use-composer-state.js";

/** Props of {@link ComposerRoot}: the composer's options, and any attribute of its form. */
export interface ComposerRootProps
  extends
    ComposerOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, keyof ComposerOptions | "onSubmit" | "children"> {
  /** The composer's parts (`Composer.Input`, `Composer.Send`, ...) in any layout. */
  children?: ReactNode;
  /** The form element. */
  ref?: Ref<HTMLFormElement>;
}

/**
 * The composer's form and the state its parts share: submitting sends, and files dragged
 * over it are offered as attachments. Handlers given here run first; calling
 * `preventDefault()` in one skips the composer's own.
 */
export function ComposerRoot(props: ComposerRootProps): ReactNode {
  const state = useComposerState(props);
  // What is left once the composer's own options are taken out goes to the form.
  const {
    onSend: _onSend,
    onStop: _onStop,
    status: _status,
    value: _value,
    defaultValue: _defaultValue,
    onValueChange: _onValueChange,
    accept: _accept,
    maxFileSize: _maxFileSize,
    allowAttachments: _allowAttachments,
    disabled: _disabled,
    audioInput: _audioInput,
    className,
    children,
    onDragOver,
    onDragLeave,
    onDrop,
    ...formProps
  } = props;
  const canDrop = state.allowAttachments && !state.disabled;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    state.send();
  };
  const ownDragOver = (event: DragEvent<HTMLFormElement>) => {
    if (!canDrop || !hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    state.setDragging(true);
  };
  const ownDragLeave = (event: DragEvent<HTMLFormElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    state.setDragging(false);
  };
  const ownDrop = (event: DragEvent<HTMLFormElement>) => {
    state.setDragging(false);
    if (!canDrop) return;
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length === 0) return;
    event.preventDefault();
    state.addFiles(files);
  };

  return (
    <ColloquyScope>
      <ComposerContext.Provider value={state}>
        <form
          {...formProps}
          className={className ? `colloquy-composer ${className}` : "colloquy-composer"}
          data-status={state.status}
          data-dragging={state.dragging ? "" : undefined}
          data-disabled={state.disabled ? "" : undefined}
          onSubmit={onSubmit}
          onDragOver={composeEventHandlers(onDragOver, ownDragOver)}
          onDragLeave={composeEventHandlers(onDragLeave, ownDragLeave)}
          onDrop={composeEventHandlers(onDrop, ownDrop)}
        >
          {children}
        </form>
      </ComposerContext.Provider>
    </ColloquyScope>
  );
}

function hasFiles(event: DragEvent): boolean {
  const types = event.dataTransfer?.types;
  return !types || Array.from(types).includes("Files");
}
