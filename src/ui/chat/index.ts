export * from "./chat.js";
export { ChatErrorBanner, errorHeadline, type ChatErrorBannerProps } from "./chat-error-banner.js";
