import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "GamesDrop — game keys", template: "%s | GamesDrop" },
  description: "Game keys for every platform and region, with every supplier's price side by side.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#111318" },
  ],
};

// Inter, served with the store (SIL Open Font License, app/fonts/OFL-Inter.txt); the fallback's metrics are adjusted
// to it, so text does not move when it arrives.
const inter = localFont({ src: "./fonts/inter-latin-wght-normal.woff2", weight: "100 900", variable: "--font-inter", display: "swap" });

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body>
        <SiteHeader />
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>GamesDrop · keys delivered by email and in your account</p>
        </footer>
      </body>
    </html>
  );
}
