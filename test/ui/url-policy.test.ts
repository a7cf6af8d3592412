import { describe, expect, it } from "vitest";
import { decideImage, sanitizeLinkUrl, sanitizeUrl } from "../../src/ui/markdown/url-policy.js";
import { decodeEntities } from "../../src/ui/markdown/html-entities.js";

describe("URL policy", () => {
  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\u0000script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "&amp;#106;avascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD4=",
    "file:///etc/passwd",
    "/relative/path",
    "//evil.example/x",
    "",
  ])("refuses link %j", (url) => {
    expect(sanitizeLinkUrl(url)).toBeUndefined();
  });

  it.each([
    ["https://example.com/a?b=c#d", "https://example.com/a?b=c#d"],
    ["HTTP://Example.com", "http://example.com/"],
    ["mailto:a@b.c", "mailto:a@b.c"],
    ["https://example.com/&amp;x", "https://example.com/&x"],
  ])("allows link %j", (url, expected) => {
    expect(sanitizeLinkUrl(url)).toBe(expected);
  });

  it("allows only image data URLs for images", () => {
    expect(decideImage("data:image/png;base64,AAAA").kind).toBe("image");
    expect(decideImage("data:text/html,<b>").kind).toBe("blocked");
    expect(decideImage("javascript:alert(1)").kind).toBe("blocked");
    expect(decideImage("https://example.com/a.png", { images: "allow" })).toEqual({
      kind: "image",
      src: "https://example.com/a.png",
    });
    expect(decideImage("https://example.com/a.png")).toEqual({
      kind: "link",
      href: "https://example.com/a.png",
    });
    expect(decideImage("https://example.com/a.png", { images: "block" })).toEqual({
      kind: "blocked",
    });
    expect(
      decideImage("https://example.com/a.png", { images: (url) => url.includes("a.") }),
    ).toEqual({ kind: "image", src: "https://example.com/a.png" });
  });

  it("takes custom allowlists", () => {
    expect(sanitizeLinkUrl("mailto:a@b.c", { linkProtocols: ["https"] })).toBeUndefined();
    expect(sanitizeUrl("ftp://x.y/z", ["ftp"])).toBe("ftp://x.y/z");
  });

  it("decodes character references", () => {
    expect(decodeEntities("&lt;a&gt; &amp; &#65;&#x42; &unknown;")).toBe("<a> & AB &unknown;");
  });
});
