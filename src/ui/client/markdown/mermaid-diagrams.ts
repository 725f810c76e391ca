// mermaid is large (its own chunks, loaded by import() only when a design has a diagram), so the board and
// a design without diagrams never pay for it.

type Mermaid = typeof import("mermaid").default;

let loading: Promise<Mermaid> | undefined;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import("mermaid").then(({ default: mermaid }) => {
    const dark = matchMedia("(prefers-color-scheme: dark)").matches;
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default" });
    return mermaid;
  });
  return loading;
}

let diagramCount = 0;

/** Replaces each ```mermaid block that marked rendered as `<pre><code class="language-mermaid">` by its SVG. */
export async function renderMermaidBlocks(container: HTMLElement): Promise<void> {
  const blocks = [...container.querySelectorAll<HTMLElement>("code.language-mermaid")];
  if (blocks.length === 0) return;
  const mermaid = await loadMermaid();
  for (const block of blocks) {
    const source = block.textContent ?? "";
    const holder = block.parentElement ?? block;
    diagramCount += 1;
    try {
      const { svg } = await mermaid.render(`mermaid-diagram-${diagramCount}`, source);
      const figure = document.createElement("figure");
      figure.className = "mermaid-diagram";
      figure.innerHTML = svg;
      holder.replaceWith(figure);
    } catch (error) {
      const note = document.createElement("p");
      note.className = "diagnostic warning";
      note.textContent = `This mermaid diagram does not parse: ${error instanceof Error ? error.message : String(error)}`;
      holder.after(note);
    }
  }
}
