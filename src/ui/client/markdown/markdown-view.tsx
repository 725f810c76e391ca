import { useEffect, useRef } from "preact/hooks";

/** Spec markdown, rendered by marked and sanitized; the libraries load with the first document shown. */
export function MarkdownView({ text, diagrams = false }: { readonly text: string; readonly diagrams?: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let current = true;
    void import("./render-markdown").then(async ({ renderMarkdown }) => {
      const element = container.current;
      if (!current || element === null) return;
      element.innerHTML = renderMarkdown(text);
      if (!diagrams) return;
      const { renderMermaidBlocks } = await import("./mermaid-diagrams");
      if (current) await renderMermaidBlocks(element);
    });
    return () => {
      current = false;
    };
  }, [text, diagrams]);
  return <div class="markdown" ref={container} />;
}
