import type { BoardQuery, Grouping, Sorting, StateFilter } from "./board-query";

interface Properties {
  readonly query: BoardQuery;
  readonly shown: number;
  readonly total: number;
  onChange(query: BoardQuery): void;
}

export function BoardToolbar({ query, shown, total, onChange }: Properties) {
  return (
    <search class="toolbar">
      <input
        type="search"
        name="search"
        placeholder="Search specs"
        aria-label="Search specs"
        value={query.search}
        onInput={(event) => onChange({ ...query, search: event.currentTarget.value })}
      />
      <label>
        Show{" "}
        <select
          name="state"
          value={query.state}
          onChange={(event) => onChange({ ...query, state: event.currentTarget.value as StateFilter })}
        >
          <option value="all">all</option>
          <option value="attention">needs attention</option>
          <option value="unapproved">not fully approved</option>
          <option value="in-progress">in progress</option>
          <option value="done">done</option>
        </select>
      </label>
      <label>
        Group by{" "}
        <select
          name="grouping"
          value={query.grouping}
          onChange={(event) => onChange({ ...query, grouping: event.currentTarget.value as Grouping })}
        >
          <option value="none">nothing</option>
          <option value="folder">folder</option>
          <option value="prefix">name prefix</option>
        </select>
      </label>
      <label>
        Sort by{" "}
        <select
          name="sorting"
          value={query.sorting}
          onChange={(event) => onChange({ ...query, sorting: event.currentTarget.value as Sorting })}
        >
          <option value="activity">activity</option>
          <option value="name">name</option>
          <option value="progress">progress</option>
        </select>
      </label>
      <span class="muted count" aria-live="polite">
        {shown === total ? `${total} specs` : `${shown} of ${total} specs`}
      </span>
    </search>
  );
}
