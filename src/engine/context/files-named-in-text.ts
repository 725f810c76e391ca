/** Extensions that make a word a file name even without a folder (`package.json`, `README.md`). */
const FILE_EXTENSIONS = new Set(
  "ts tsx mts cts js jsx mjs cjs json jsonc md mdx py pyi go rs java kt kts rb php cs fs swift c h cc cpp hpp m scala sql sh bash zsh ps1 yml yaml toml ini cfg env css scss sass less html htm vue svelte astro graphql gql proto tf lock xml csv txt dockerfile".split(
    " ",
  ),
);

/** A path-like word: folders and a name, or a name with an extension; no spaces, no URL. */
const CANDIDATE = /(?<![\w/.:-])((?:\.{1,2}\/)?(?:[\w@.-]+\/)*[\w@-][\w@.-]*)(?![\w/-])/g;

/**
 * The file paths a task's text names (`src/limiter.ts`, `` `package.json` ``, `test/limiter/`): the files in
 * play that decide which `fileMatch` steering joins its context. Relative, `/`-separated, each once.
 */
export function filesNamedInText(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.replace(/https?:\/\/\S+/g, " ").matchAll(CANDIDATE)) {
    const word = (match[1] ?? "").replace(/[.]+$/, "").replace(/^\.\//, "");
    if (word === "" || word.startsWith("../")) continue;
    const name = word.split("/").filter(Boolean).at(-1) ?? "";
    const extension = name.includes(".") ? (name.split(".").at(-1) ?? "").toLowerCase() : "";
    const hasFolder = word.includes("/") && /[A-Za-z]/.test(word) && !/^\d/.test(word);
    if (FILE_EXTENSIONS.has(extension) || (hasFolder && word.split("/").filter(Boolean).length >= 2)) found.add(word);
  }
  return [...found];
}
