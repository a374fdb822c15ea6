/** What the gateway tells the browser app at start-up (GET /ui-config.json). */
export interface UiConfig {
  oidc: { authority: string; clientId: string };
}

let cached: Promise<UiConfig> | undefined;

export function loadUiConfig(fetchImpl: typeof fetch = fetch): Promise<UiConfig> {
  cached ??= fetchImpl('/ui-config.json', { headers: { Accept: 'application/json' } }).then(async (response) => {
    if (!response.ok) throw new Error(`ui-config.json: HTTP ${response.status}`);
    return (await response.json()) as UiConfig;
  });
  cached.catch(() => {
    cached = undefined; // let a later attempt try again
  });
  return cached;
}
