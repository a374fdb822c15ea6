/** The three product entries; their texts live in the locale files under entries.<key>. */
export const ENTRIES = [
  { key: 'console', path: '/console' },
  { key: 'group', path: '/group' },
  { key: 'app', path: '/app' },
] as const;

export type EntryKey = (typeof ENTRIES)[number]['key'];
