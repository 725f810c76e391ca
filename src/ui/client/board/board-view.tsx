import { useEffect, useMemo, useState } from "preact/hooks";
import { apiPaths } from "../api/api-paths";
import type { BoardData } from "../api/api-types";
import { useResource } from "../api/use-resource";
import { ErrorPanel } from "../components/error-panel";
import { type BoardQuery, defaultBoardQuery, queryBoard } from "./board-query";
import { BoardToolbar } from "./board-toolbar";
import { SpecCardView } from "./spec-card-view";

/** How many cards a group shows before "show more": keeps the first paint of a 1,000-spec board short. */
const pageSize = 120;

export const boardRenderedMark = "specwright:board-rendered";

export function BoardView({ version }: { readonly version: number }) {
  const board = useResource<BoardData>(apiPaths.board, version);
  const [query, setQuery] = useState<BoardQuery>(defaultBoardQuery);
  const [limit, setLimit] = useState(pageSize);
  const rootNames = useMemo(
    () => new Map((board.data?.roots ?? []).map((root) => [root.id, root.name] as const)),
    [board.data],
  );
  const groups = useMemo(() => queryBoard(board.data?.specs ?? [], query, rootNames), [board.data, query, rootNames]);
  // Several roots (a monorepo's packages) start grouped by root, side by side, until the user picks a grouping.
  const [groupingChosen, setGroupingChosen] = useState(false);
  useEffect(() => {
    if (!groupingChosen && (board.data?.roots.length ?? 0) > 1)
      setQuery((current) => ({ ...current, grouping: "folder" }));
  }, [board.data, groupingChosen]);
  // A mark for `npm run bench:ui`: effects run after the browser painted, so this is when the cards showed.
  useEffect(() => {
    if (board.data !== undefined && performance.getEntriesByName(boardRenderedMark).length === 0) {
      performance.mark(boardRenderedMark);
    }
  }, [board.data]);

  if (board.error !== undefined) return <ErrorPanel error={board.error} />;
  if (board.data === undefined) return <p class="muted">Loading the board…</p>;
  const shown = groups.reduce((sum, group) => sum + group.cards.length, 0);
  const severalRoots = board.data.roots.length > 1;
  let budget = limit;
  return (
    <section class="board" data-loaded-for={board.loadedFor}>
      <BoardToolbar
        query={query}
        shown={shown}
        total={board.data.specs.length}
        onChange={(next) => {
          if (next.grouping !== query.grouping) setGroupingChosen(true);
          setQuery(next);
          setLimit(pageSize);
        }}
      />
      {shown === 0 && <p class="muted empty">No spec matches.</p>}
      {groups.map((group) => {
        const visible = group.cards.slice(0, Math.max(0, budget));
        budget -= visible.length;
        if (visible.length === 0) return null;
        return (
          <div class="card-group" key={group.label}>
            {group.label !== "" && (
              <h2 class="group-title">
                {group.label} <span class="muted">({group.cards.length})</span>
              </h2>
            )}
            <div class="cards">
              {visible.map((card) => (
                <SpecCardView
                  key={`${card.root}/${card.name}`}
                  card={card}
                  rootName={severalRoots ? rootNames.get(card.root) : undefined}
                />
              ))}
            </div>
          </div>
        );
      })}
      {shown > limit && (
        <button type="button" class="more" onClick={() => setLimit(limit + pageSize * 4)}>
          Show more ({shown - limit} hidden)
        </button>
      )}
    </section>
  );
}
