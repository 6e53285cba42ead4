/**
 * Fetching the app's data files in the browser: each way a fetch can fail becomes words a reader can act
 * on, named with its file by the caller (the basemap's loader, the story's).
 */

/** What went wrong, in words: an Error's message, or whatever else was thrown. */
export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** A file that could not be loaded, and why. */
export interface FileFailure {
  file: string;
  reason: string;
}

/**
 * Fetches a data file, turning each way the request can fail into words a reader can act on: no answer,
 * an error status, or a web page where data was asked for. An abort is passed on as it is.
 */
export async function fetchData(url: string, init: RequestInit = {}, fetchFn: typeof fetch = fetch): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url, init);
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new Error(`could not be fetched (${errorText(err)})`, { cause: err });
  }
  if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  // A data file served as a web page is almost always an error page or a misconfigured server.
  if (type === 'text/html')
    throw new Error('was served as a web page (text/html), not as data: the file is missing or the server is misconfigured');
  return response;
}

/** Fetches JSON (fetchData), and says so when what came is not JSON. */
export async function fetchJson(url: string, fetchFn: typeof fetch = fetch): Promise<unknown> {
  const response = await fetchData(url, {}, fetchFn);
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const kind = response.headers.get('content-type') ?? 'unknown type';
    throw new Error(`is not valid JSON (${text.length} bytes of ${kind}; truncated or corrupt?)`, { cause: err });
  }
}
