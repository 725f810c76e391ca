import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import {
  ErrorCode,
  McpError,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { listSpecs, type SpecList } from "../../engine/workspace-model/list-specs.js";
import { loadSpec } from "../../engine/workspace-model/load-spec.js";
import { serializeDocument } from "../../model/document/kiro-document.js";
import { isWorkspaceError } from "../../workspace/workspace-error.js";
import type { ServerContext } from "../server-context.js";
import { describeToolFailure } from "../tool-result.js";
import { derivedResourceUris } from "../tools/register-living-tools.js";
import type { SpecChangeFeed } from "./spec-change-feed.js";
import {
  isResourceDocument,
  RESOURCE_DOCUMENTS,
  type ResourceDocument,
  SPEC_DOCUMENT_URI_TEMPLATE,
  specDocumentUri,
} from "./spec-document-uri.js";

const DOCUMENT_KEYS = {
  "requirements.md": "requirements",
  "bugfix.md": "bugfix",
  "design.md": "design",
  "tasks.md": "tasks",
} as const satisfies Record<ResourceDocument, string>;

/**
 * Each spec document as `specwright://specs/<spec>/<document>`. Clients may subscribe to a document and are
 * told (`notifications/resources/updated`) when its file changes on disk, and (`list_changed`) when specs or
 * documents appear or go away. Returns the function that stops the notifications of this server.
 */
export function registerSpecResources(
  server: McpServer,
  context: ServerContext,
  feed: SpecChangeFeed | undefined,
): () => void {
  server.registerResource(
    "spec-document",
    new ResourceTemplate(SPEC_DOCUMENT_URI_TEMPLATE, {
      list: async () => {
        const list = await listSpecsOrNone(context);
        return {
          resources: list.specs.flatMap((spec) =>
            RESOURCE_DOCUMENTS.filter((document) => spec.documents[DOCUMENT_KEYS[document]]).map((document) => ({
              uri: specDocumentUri(spec.name, document),
              name: `${spec.name}/${document}`,
              mimeType: "text/markdown",
            })),
          ),
        };
      },
      complete: {
        spec: async (value) =>
          (await listSpecsOrNone(context)).specs.map((spec) => spec.name).filter((name) => name.startsWith(value)),
        document: (value) => RESOURCE_DOCUMENTS.filter((document) => document.startsWith(value)),
      },
    }),
    {
      title: "Spec document",
      description: "A spec's requirements.md, bugfix.md, design.md or tasks.md, as it is on disk now.",
      mimeType: "text/markdown",
    },
    async (uri, variables) => {
      const spec = decodeURIComponent(single(variables.spec));
      const document = single(variables.document);
      if (!isResourceDocument(document)) {
        throw new McpError(
          ErrorCode.InvalidParams,
          `${uri.href}: "${document}" is not a spec document; use one of ${RESOURCE_DOCUMENTS.join(", ")}.`,
        );
      }
      let loaded: Awaited<ReturnType<typeof loadSpec>>;
      try {
        loaded = await loadSpec({ ...context.workspace, spec });
      } catch (error) {
        const failure = describeToolFailure(error);
        throw new McpError(ErrorCode.InvalidParams, `${failure.message} ${failure.fix}`, {
          candidates: failure.candidates,
        });
      }
      const file = loaded.model[DOCUMENT_KEYS[document]];
      if (!file) {
        throw new McpError(ErrorCode.InvalidParams, `Spec "${loaded.summary.name}" has no ${document} yet.`);
      }
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: serializeDocument(file.document) }] };
    },
  );

  const subscribed = new Set<string>();
  server.server.registerCapabilities({ resources: { subscribe: true, listChanged: true } });
  server.server.setRequestHandler(SubscribeRequestSchema, (request) => {
    subscribed.add(request.params.uri);
    return {};
  });
  server.server.setRequestHandler(UnsubscribeRequestSchema, (request) => {
    subscribed.delete(request.params.uri);
    return {};
  });
  if (!feed) return () => undefined;
  return feed.subscribe((changes) => {
    if (!server.isConnected()) return;
    for (const uri of changes.updated) {
      if (subscribed.has(uri)) server.server.sendResourceUpdated({ uri }).catch(() => undefined);
      // The impact and drift resources are computed from the documents: they change with them.
      const document = /^specwright:\/\/specs\/([^/]+)\/([^/]+)$/.exec(uri);
      for (const derived of document
        ? derivedResourceUris(decodeURIComponent(document[1] ?? ""), document[2] ?? "")
        : []) {
        if (subscribed.has(derived)) server.server.sendResourceUpdated({ uri: derived }).catch(() => undefined);
      }
    }
    if (changes.listChanged) server.sendResourceListChanged();
  });
}

/** A folder without `.kiro/` yet has no documents to list (create_spec makes the first one). */
async function listSpecsOrNone(context: ServerContext): Promise<Pick<SpecList, "specs">> {
  try {
    return await listSpecs(context.workspace);
  } catch (error) {
    if (isWorkspaceError(error, "no-kiro-root")) return { specs: [] };
    throw error;
  }
}

function single(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}
