import type { NextConfig } from "next";

const config: NextConfig = {
  // deploy/docker/web.Dockerfile ships only the traced server.
  output: "standalone",
  poweredByHeader: false,
};

export default config;
