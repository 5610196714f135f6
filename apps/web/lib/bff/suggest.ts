// Runs in the browser: same-origin /api/* reaches the BFF through proxy.ts.
export async function fetchSuggestions(q: string, signal: AbortSignal): Promise<string[]> {
  const response = await fetch(`/api/catalog/suggest?q=${encodeURIComponent(q)}`, { signal });
  return response.ok ? ((await response.json()) as string[]) : [];
}
