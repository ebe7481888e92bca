/** The one error type routes throw, and the handler that turns any error into the contract's JSON. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { errorStatus, type ErrorBody, type ErrorCode } from '../shared/errors.ts';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function errorResponse(c: Context, error: ApiError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.field) body.error.field = error.field;
  return c.json(body, errorStatus[error.code], error.headers);
}

/** Known errors answer as themselves; anything else is logged and the client hears only "internal". */
export function onError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof HTTPException && err.status < 500) {
    const code = (Object.keys(errorStatus) as ErrorCode[]).find((k) => errorStatus[k] === err.status) ?? 'validation';
    return errorResponse(c, new ApiError(code, err.message || 'The request was refused.'));
  }
  console.error('[parley] unexpected error on', c.req.method, new URL(c.req.url).pathname, err);
  return errorResponse(c, new ApiError('internal', 'Something went wrong on the server. Please try again.'));
}

export function notFound(c: Context): Response {
  return errorResponse(c, new ApiError('not_found', 'There is nothing at this address.'));
}
