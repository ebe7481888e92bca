/** Where the API lives: beside the embed script that loaded the widget, unless an element says otherwise. */

let scriptBase = '';

export function setScriptBase(base: string): void {
  scriptBase = base;
}

/** The API base URL (ending in /) for an element with an optional `api` attribute. */
export function apiBase(override: string | undefined): string {
  if (override) return new URL(override.endsWith('/') ? override : `${override}/`, location.href).href;
  return scriptBase || new URL('/', location.href).href;
}

/** The page key a thread uses by default: the canonical link's path, else the location's. */
export function defaultPageKey(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return canonical ? new URL(canonical).pathname : location.pathname;
}
