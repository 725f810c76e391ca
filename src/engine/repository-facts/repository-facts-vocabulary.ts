/** Source-file extensions and the language each stands for. */
export const LANGUAGE_OF_EXTENSION: Readonly<Record<string, string>> = {
  ".ts": "TypeScript",
  ".tsx": "TypeScript",
  ".mts": "TypeScript",
  ".cts": "TypeScript",
  ".js": "JavaScript",
  ".jsx": "JavaScript",
  ".mjs": "JavaScript",
  ".cjs": "JavaScript",
  ".py": "Python",
  ".rs": "Rust",
  ".go": "Go",
  ".java": "Java",
  ".kt": "Kotlin",
  ".kts": "Kotlin",
  ".swift": "Swift",
  ".rb": "Ruby",
  ".php": "PHP",
  ".cs": "C#",
  ".fs": "F#",
  ".c": "C",
  ".h": "C",
  ".cc": "C++",
  ".cpp": "C++",
  ".cxx": "C++",
  ".hpp": "C++",
  ".hh": "C++",
  ".m": "Objective-C",
  ".mm": "Objective-C",
  ".scala": "Scala",
  ".dart": "Dart",
  ".ex": "Elixir",
  ".exs": "Elixir",
  ".erl": "Erlang",
  ".hs": "Haskell",
  ".lua": "Lua",
  ".r": "R",
  ".jl": "Julia",
  ".clj": "Clojure",
  ".ml": "OCaml",
  ".zig": "Zig",
  ".vue": "Vue",
  ".svelte": "Svelte",
  ".sh": "Shell",
  ".bash": "Shell",
  ".ps1": "PowerShell",
  ".sql": "SQL",
  ".html": "HTML",
  ".css": "CSS",
  ".scss": "SCSS",
  ".tf": "Terraform",
};

/**
 * Files at a repository's root that show which package manager or build tool it uses, in the order they
 * are reported. Lockfiles first; a bare manifest only when it is the sole evidence (see `MANIFEST_TOOLS`).
 */
export const PACKAGE_MANAGER_OF_FILE: readonly (readonly [string, string])[] = [
  ["package-lock.json", "npm"],
  ["npm-shrinkwrap.json", "npm"],
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "Yarn"],
  ["bun.lockb", "Bun"],
  ["bun.lock", "Bun"],
  ["deno.lock", "Deno"],
  ["Cargo.lock", "Cargo"],
  ["poetry.lock", "Poetry"],
  ["uv.lock", "uv"],
  ["pdm.lock", "PDM"],
  ["Pipfile.lock", "Pipenv"],
  ["requirements.txt", "pip"],
  ["go.sum", "Go modules"],
  ["Gemfile.lock", "Bundler"],
  ["composer.lock", "Composer"],
  ["mix.lock", "Mix"],
  ["pubspec.lock", "pub"],
  ["Package.resolved", "Swift Package Manager"],
  ["gradlew", "Gradle"],
  ["build.gradle", "Gradle"],
  ["build.gradle.kts", "Gradle"],
  ["pom.xml", "Maven"],
  ["CMakeLists.txt", "CMake"],
  ["Makefile", "Make"],
];

/** Manifests that name their tool even without a lockfile. */
export const MANIFEST_TOOLS: readonly (readonly [string, string])[] = [
  ["package.json", "npm"],
  ["Cargo.toml", "Cargo"],
  ["go.mod", "Go modules"],
  ["Package.swift", "Swift Package Manager"],
];

/** The command that runs a package.json script, per JavaScript package manager (`npm` when unknown). */
export const RUN_SCRIPT_PREFIX: Readonly<Record<string, string>> = {
  npm: "npm run",
  pnpm: "pnpm run",
  Yarn: "yarn run",
  Bun: "bun run",
};

/** The usual commands of ecosystems whose manifest lists no scripts. */
export const DEFAULT_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  Cargo: ["cargo build", "cargo test"],
  "Go modules": ["go build ./...", "go test ./..."],
};
