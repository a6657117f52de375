import { ClerkProvider } from "@latchkey/nextjs";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Latchkey demo", template: "%s · Latchkey demo" },
  description: "A Next.js starter with sign-up, sign-in, organizations and webhooks on Latchkey.",
};

// The components take the demo's own colors (globals.css), so they follow its light and dark
// palettes: `appearance.variables` accepts any CSS value, `var(--…)` included.
const appearance = {
  variables: {
    colorPrimary: "var(--accent)",
    colorTextOnPrimaryBackground: "var(--accent-fg)",
    colorBackground: "var(--card)",
    colorText: "var(--fg)",
    colorTextSecondary: "var(--muted)",
    colorInputBackground: "var(--bg)",
    colorInputText: "var(--fg)",
    colorDanger: "var(--error)",
    colorNeutral: "var(--control-border)",
    colorScheme: "light dark",
  },
};

// <ClerkProvider> reads the session on the server and hands it to the browser, so client
// components (<UserButton/>, hooks) know who is signed in from the first render.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <ClerkProvider appearance={appearance}>
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
