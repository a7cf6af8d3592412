import { useMemo, type ReactNode } from "react";
import type { ImagePart, RequestParams } from "../../../src/core/index.js";
import { useChat } from "../../../src/react/index.js";
import { ImageGallery } from "../../../src/ui/index.js";
import { ChatPanel } from "../components/chat-panel.js";

const PARAMS: RequestParams = { tools: [{ type: "image_generation", partial_images: 2 }] };

/** Image generation: partial previews while the picture forms, then every result in a gallery. */
export function ImageGalleryPage(): ReactNode {
  const chat = useChat({ requestParams: PARAMS, storage: null });
  const images = useMemo(
    () =>
      chat.messages.flatMap((message) =>
        message.parts.filter(
          (part): part is ImagePart => part.type === "image" && part.origin === "generated",
        ),
      ),
    [chat.messages],
  );
  return (
    <div className="playground__split">
      <ChatPanel
        chat={chat}
        suggestions={["Draw an image of a lighthouse at dusk", "Draw a picture of a red fox"]}
        placeholder="Draw what?"
      />
      <section className="playground__side" aria-label="Gallery">
        <h2>Gallery</h2>
        {images.length === 0 ? <p className="playground__muted">No images yet.</p> : null}
        <ImageGallery images={images} />
      </section>
    </div>
  );
}
