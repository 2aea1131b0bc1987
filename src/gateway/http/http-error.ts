/** A client mistake in the HTTP exchange itself (body, route, target), answered with its own status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
