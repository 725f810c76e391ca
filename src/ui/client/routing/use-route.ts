import { useEffect, useState } from "preact/hooks";
import { parseRoute, type Route } from "./route";

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return route;
}

export function navigate(href: string): void {
  location.hash = href.replace(/^#/, "");
}
