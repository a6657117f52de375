import { ClerkProvider } from "@latchkey/nextjs";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Latchkey demo", template: "%s · Latchkey demo" },
  description: "A Next.js starter with sign-up, sign-in, organizations and webhooks on Latchkey.",
};

// <ClerkProvider> reads the session on the server and hands it to the browser, so client
// components (<UserButton/>, hooks) know who is signed in from the first render.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <ClerkProvider>
      <html lang="en">
        <body>
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <SiteHeader />
          <main id="main">{children}</main>
        </body>
      </html>
    </ClerkProvider>
  );
}
