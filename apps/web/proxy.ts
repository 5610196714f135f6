import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";

// The browser reaches the BFF through this origin's /api/*, so the store is one origin (no CORS, one cookie jar).
// A proxy rather than a next.config rewrite: rewrites are frozen at build time, BFF_URL is read when the server runs.
// Pages get a Content Security Policy with a fresh nonce: Next.js reads it from the request's header while rendering and
// puts it on every script it writes, and the browser gets the same header.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    const bff = process.env.BFF_URL;
    if (!bff) {
      return NextResponse.json({ title: "BFF_URL is not set" }, { status: 503 });
    }
    return NextResponse.rewrite(new URL(`${bff.replace(/\/$/, "")}${pathname}${search}`));
  }
  const imageSources = (process.env.CSP_IMAGE_SOURCES ?? "").split(" ").filter(Boolean);
  const policy = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development", imageSources);
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Build assets are files, not pages: no policy, and no proxy run for each.
export const config = { matcher: ["/api/:path*", "/((?!_next/static|_next/image|favicon.ico).*)"] };
