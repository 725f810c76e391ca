import type { ExcludedContext } from "./fit-context.js";

/** Context a phase may add beside the spec's own documents, each already rendered as markdown. */
export interface ContextContribution {
  readonly sections: readonly {
    readonly source: string;
    readonly title: string;
    readonly text: string;
    readonly reason: string;
  }[];
  readonly excluded: readonly ExcludedContext[];
}

/**
 * Where steering and the repository inventory come from. Injected so a workflow can be tested without a
 * repository, and so the CLI, the MCP server and the dashboard share one assembly.
 */
export interface AuthoringContextSources {
  steering(input: {
    readonly root: string;
    readonly prompt: string;
    readonly filesInPlay: readonly string[];
    readonly maxChars: number;
  }): Promise<ContextContribution>;
  inventory(input: { readonly root: string; readonly maxChars: number }): Promise<ContextContribution>;
}

export const NO_CONTEXT_SOURCES: AuthoringContextSources = {
  steering: async () => ({ sections: [], excluded: [] }),
  inventory: async () => ({ sections: [], excluded: [] }),
};
