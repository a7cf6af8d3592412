import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // This folder is a project of its own (it has its own lockfile), not part of a monorepo.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
  // Next 16's partial prerendering: every page is prerendered, client components included.
  cacheComponents: true,
  partialPrefetching: true,
};

export default nextConfig;
