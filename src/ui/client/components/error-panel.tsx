import type { ApiError } from "../api/api-error";

export function ErrorPanel({ error }: { readonly error: ApiError }) {
  return (
    <div class="error-panel" role="alert">
      <strong>{error.message}</strong>
      {error.fix !== "" && <p>{error.fix}</p>}
      <code class="muted">{error.code}</code>
    </div>
  );
}
