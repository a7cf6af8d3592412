import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // This folder is a project of its own (it has its own lockfile), not part of a monorepo.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default nextConfig;
