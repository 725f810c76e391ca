// Hash routes, so the server serves one index.html and a reload keeps the page:
//   #/                       board
//   #/spec/<root>/<spec>     spec page (optional ?tab=…)
//   #/run/<runId>            a run's live view
//   #/runs                   active and recent runs
//   #/costs                  costs

export type Route =
  | { readonly page: "board" }
  | { readonly page: "spec"; readonly root: string; readonly spec: string; readonly tab: string | undefined }
  | { readonly page: "run"; readonly runId: string }
  | { readonly page: "runs" }
  | { readonly page: "costs" };

export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#/, "").split("?");
  const parts = path
    .split("/")
    .filter((part) => part !== "")
    .map(decodeURIComponent);
  const tab = new URLSearchParams(query).get("tab") ?? undefined;
  if (parts[0] === "spec" && parts[1] !== undefined && parts[2] !== undefined) {
    return { page: "spec", root: parts[1], spec: parts[2], tab };
  }
  if (parts[0] === "run" && parts[1] !== undefined) return { page: "run", runId: parts[1] };
  if (parts[0] === "runs") return { page: "runs" };
  if (parts[0] === "costs") return { page: "costs" };
  return { page: "board" };
}

export function specHref(root: string, spec: string, tab?: string): string {
  const base = `#/spec/${encodeURIComponent(root)}/${encodeURIComponent(spec)}`;
  return tab === undefined ? base : `${base}?tab=${encodeURIComponent(tab)}`;
}

export function runHref(runId: string): string {
  return `#/run/${encodeURIComponent(runId)}`;
}
