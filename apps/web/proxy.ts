import { NextResponse, type NextRequest } from "next/server";

// The browser reaches the BFF through this origin's /api/*, so the store is one origin (no CORS, one cookie jar).
// A proxy rather than a next.config rewrite: rewrites are frozen at build time, BFF_URL is read when the server runs.
export function proxy(request: NextRequest) {
  const bff = process.env.BFF_URL;
  if (!bff) {
    return NextResponse.json({ title: "BFF_URL is not set" }, { status: 503 });
  }
  const { pathname, search } = request.nextUrl;
  return NextResponse.rewrite(new URL(`${bff.replace(/\/$/, "")}${pathname}${search}`));
}

export const config = { matcher: "/api/:path*" };
