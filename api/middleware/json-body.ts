/** Reading a JSON request body: only application/json (415), only well-formed JSON (400). */
import type { Context } from 'hono';
import { ApiError } from '../errors.ts';

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError('unsupported_media_type', 'Send the request body as JSON, with Content-Type: application/json.');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('validation', 'The request body is not well-formed JSON.');
  }
}
