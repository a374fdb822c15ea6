/** This browser's own random id (decision 0040): a share link converts once per browser, never the sharer's own. */
export function shareVisitor(): string {
  const key = 'm4s.shareVisitor';
  try {
    const known = window.localStorage.getItem(key);
    if (known) return known;
    const made = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `v-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    window.localStorage.setItem(key, made);
    return made;
  } catch {
    return `v-${Date.now()}`;
  }
}
