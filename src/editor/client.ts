/** The review screen's requests to its own server (server.ts): JSON in, JSON out, errors as messages. */
export async function getJson<T>(url: string): Promise<T> {
  return answer<T>(await fetch(url));
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return answer<T>(
    await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  );
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${res.status} ${res.statusText}`);
  return body;
}
