import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError } from "./api-error";
import { requestJson } from "./request-json";

export interface Resource<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  /** Which refetch the data answers (the live version plus manual reloads), for a page to show its freshness. */
  readonly loadedFor: string | undefined;
  reload(): void;
}

/** Fetches `path` and refetches when `version` changes (a live change on disk bumps it). */
export function useResource<T>(path: string | undefined, version = 0): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [manual, setManual] = useState(0);
  const [loadedFor, setLoadedFor] = useState<string | undefined>(undefined);
  const reload = useCallback(() => setManual((value) => value + 1), []);

  useEffect(() => {
    if (path === undefined) return;
    let current = true;
    const request = `${version}.${manual}`;
    setLoading(true);
    requestJson<T>(path)
      .then((value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
        setLoadedFor(request);
      })
      .catch((caught: unknown) => {
        if (!current) return;
        setError(
          caught instanceof ApiError
            ? caught
            : new ApiError(0, "network", "The dashboard server did not answer.", "Check that `specwright ui` runs."),
        );
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [path, version, manual]);

  return { data, error, loading, loadedFor, reload };
}
