import { ApiErrorBody } from '@contract/errors'

/**
 * The failures a line's routes answer with, for their OpenAPI schemas: bad input, no session, not
 * allowed, not there, a stale state, a reused key, too many. (A 5xx is never described: it carries
 * no detail.)
 */
export const lineErrors = {
  400: ApiErrorBody,
  401: ApiErrorBody,
  403: ApiErrorBody,
  404: ApiErrorBody,
  409: ApiErrorBody,
  422: ApiErrorBody,
  429: ApiErrorBody,
}
