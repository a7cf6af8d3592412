import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "colloquy on Next.js",
  description: "colloquy's chat, hooks and proxy in a Next.js App Router app.",
};

const PAGES = [
  { href: "/", label: "Home" },
  { href: "/chat", label: "<Chat>" },
  { href: "/custom", label: "useChat + parts" },
  { href: "/structured", label: "Structured output" },
  { href: "/server", label: "Server Component" },
];

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex h-dvh flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <header className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-slate-200 bg-white px-6 py-3">
          <span className="font-semibold">colloquy + Next.js</span>
          <nav className="flex flex-wrap gap-4 text-sm">
            {PAGES.map((page) => (
              <Link
                key={page.href}
                href={page.href}
                className="text-slate-600 hover:text-slate-900"
              >
                {page.label}
              </Link>
            ))}
          </nav>
        </header>
        <main className="mx-auto flex min-h-0 w-full max-w-3xl flex-1 flex-col p-6">
          {children}
        </main>
      </body>
    </html>
  );
}
