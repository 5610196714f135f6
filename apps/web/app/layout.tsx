import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "GamesDrop — game keys", template: "%s | GamesDrop" },
  description: "Game keys for every platform and region, with every supplier's price side by side.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
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
