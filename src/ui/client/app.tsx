import { BoardView } from "./board/board-view";
import { CostsView } from "./costs/costs-view";
import { useLiveVersion } from "./live/use-live-version";
import { useRoute } from "./routing/use-route";
import { RunView } from "./runs/run-view";
import { RunsView } from "./runs/runs-view";
import { SpecView } from "./spec/spec-view";
import "./styles/base.css";
import "./styles/board.css";
import "./styles/spec-page.css";
import "./styles/runs.css";
import "./styles/costs.css";

export function App() {
  const route = useRoute();
  const live = useLiveVersion();
  return (
    <>
      <header class="app-header">
        <a class="brand" href="#/">
          Specwright
        </a>
        <nav aria-label="Pages">
          <a href="#/" class={route.page === "board" ? "active" : undefined}>
            Board
          </a>
          <a href="#/runs" class={route.page === "runs" || route.page === "run" ? "active" : undefined}>
            Runs
          </a>
          <a href="#/costs" class={route.page === "costs" ? "active" : undefined}>
            Costs
          </a>
        </nav>
        <span
          class={live.connected ? "live on" : "live off"}
          data-live-version={live.version}
          title={
            live.lastPaths.length === 0 ? "watching .kiro/ for changes" : `last change: ${live.lastPaths.join(", ")}`
          }
        >
          {live.connected ? "live" : "offline"}
        </span>
      </header>
      <main class="page">
        {route.page === "board" && <BoardView version={live.version} />}
        {route.page === "spec" && (
          <SpecView
            key={`${route.root}/${route.spec}`}
            root={route.root}
            spec={route.spec}
            tab={route.tab}
            version={live.version}
          />
        )}
        {route.page === "run" && <RunView key={route.runId} runId={route.runId} />}
        {route.page === "runs" && <RunsView version={live.version} />}
        {route.page === "costs" && <CostsView version={live.version} />}
      </main>
    </>
  );
}
