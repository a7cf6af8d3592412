import Link from "next/link";

export default function Home() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">colloquy on Next.js</h1>
      <p>
        Every page talks to the proxy in <code>app/api/openai/[...path]/route.ts</code>. With no{" "}
        <code>OPENAI_API_KEY</code> set, the built-in emulator answers.
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link className="text-blue-700 underline" href="/chat">
            The drop-in &lt;Chat&gt;
          </Link>
        </li>
        <li>
          <Link className="text-blue-700 underline" href="/custom">
            useChat, rendering each message part yourself
          </Link>
        </li>
        <li>
          <Link className="text-blue-700 underline" href="/structured">
            useStructuredOutput with a zod schema
          </Link>
        </li>
        <li>
          <Link className="text-blue-700 underline" href="/server">
            A Server Component that renders colloquy/ui
          </Link>
        </li>
      </ul>
    </div>
  );
}
