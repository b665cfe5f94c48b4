/** What a cancelled transcription rejects with: the DOM convention, so callers can check `name`. */
export function abortError(): Error {
  const error = new Error('The transcription was cancelled');
  error.name = 'AbortError';
  return error;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
