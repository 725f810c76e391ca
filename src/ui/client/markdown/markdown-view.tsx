import { useEffect, useRef } from "preact/hooks";
import { renderMermaidBlocks } from "./mermaid-diagrams";
import { renderMarkdown } from "./render-markdown";

export function MarkdownView({ text, diagrams = false }: { readonly text: string; readonly diagrams?: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    element.innerHTML = renderMarkdown(text);
    if (diagrams) void renderMermaidBlocks(element);
  }, [text, diagrams]);
  return <div class="markdown" ref={container} />;
}
