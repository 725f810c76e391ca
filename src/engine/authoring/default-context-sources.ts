import { renderInventory } from "../../model/inventory/render-inventory.js";
import { isDirectory } from "../../workspace/is-directory.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { DEFAULT_STEERING_MAX_CHARS } from "../context/context-options.js";
import { filesNamedInText } from "../context/files-named-in-text.js";
import { loadSteeringContext } from "../context/load-steering-context.js";
import { buildRepositoryInventory } from "../inventory/build-repository-inventory.js";
import type { AuthoringContextSources } from "./authoring-context-sources.js";

/**
 * The workspace's steering by its inclusion rules (always; fileMatch against the files in play; manual when
 * the prompt names `#file`; auto by description) and the repository inventory (installed dependencies and
 * existing modules). Each gets at most a third of the context, so the spec's own documents keep room.
 */
export function defaultContextSources(): AuthoringContextSources {
  return {
    async steering({ root, prompt, filesInPlay, maxChars }) {
      // A spec may be the first thing in a repository: no .kiro/ yet means no steering, not an error.
      if (!(await isDirectory(kiroPaths(root).kiroDirectory))) return { sections: [], excluded: [] };
      const selection = await loadSteeringContext({
        root,
        prompt,
        // The files the request and the documents name are the ones in play for fileMatch steering.
        filesInPlay: filesInPlay.length > 0 ? filesInPlay : filesNamedInText(prompt),
        maxChars: Math.min(DEFAULT_STEERING_MAX_CHARS, Math.floor(maxChars / 3)),
      });
      return {
        sections: selection.included.map((steering) => ({
          source: steering.path,
          title: `Steering: ${steering.path.slice(steering.path.lastIndexOf("/") + 1)}`,
          text: steering.text,
          reason: steering.truncated
            ? `${steering.reason}; cut from ${steering.fullChars} characters to the steering cap`
            : steering.reason,
        })),
        excluded: [
          ...selection.excluded.map((steering) => ({ source: steering.path, reason: steering.reason })),
          ...selection.problems.map((problem) => ({ source: problem.path, reason: problem.message })),
        ],
      };
    },
    async inventory({ root, maxChars }) {
      const inventory = await buildRepositoryInventory({ root });
      const rendered = renderInventory(inventory, { maxChars: Math.floor(maxChars / 3) });
      return {
        sections: [
          {
            source: "repository inventory",
            title: "Repository inventory",
            text: rendered.text,
            reason: rendered.cut
              ? "installed dependencies and existing modules; cut to the inventory's share of the context"
              : "installed dependencies and existing modules, so the design reuses them",
          },
        ],
        excluded: [],
      };
    },
  };
}
