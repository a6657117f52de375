import { ClerkProvider } from "@clerk/nextjs";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import "../../demo/app/globals.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Clerk SDK demo", template: "%s · Clerk SDK demo" },
  description: "Clerk's own Next.js SDK and components, talking to a self-hosted auth server.",
};

// Nothing here names the server: <ClerkProvider> takes the publishable key and the proxy URL
// from the NEXT_PUBLIC_CLERK_* variables, as in any Clerk app.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <ClerkProvider>
      <html lang="en">
        <body>
          <SiteHeader />
          <main id="main">{children}</main>
        </body>
      </html>
    </ClerkProvider>
  );
}
