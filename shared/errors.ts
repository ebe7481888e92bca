/** The closed set of error codes the API answers with, each with its HTTP status. */
export const errorStatus = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  locked: 403,
  banned: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}
