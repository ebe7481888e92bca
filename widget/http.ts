/** One request() for every call the widget and the admin page make: JSON in and out, errors as ApiClientError. */
import { isErrorBody } from '../shared/errors.ts';

/** A failed call: the API's error code, or `network` when the server could not be reached. */
export class ApiClientError extends Error {
  declare readonly code: string;
  declare readonly field: string | undefined;

  // Not parameter properties: the widget's bundle would set each through a helper call (see ThreadController).
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

export async function request<T>(base: string, path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    // Cookies go only to the page's own origin: a moderator signed in on this server gets their badge.
    res = await fetch(new URL(path, base), { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiClientError('network', '');
  }
  const data: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.ok) return data as T;
  if (isErrorBody(data)) throw new ApiClientError(data.error.code, data.error.message, data.error.field);
  throw new ApiClientError('internal', '');
}

export const json = (method: string, body: unknown, token?: string): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  body: body === undefined ? undefined : JSON.stringify(body),
});

export const query = (params: Record<string, string | string[] | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of [value ?? []].flat()) if (v !== '') search.append(key, v);
  }
  return search.toString();
};
