/** A point in time in the user's language and the browser's time zone; `short` dates for table cells. */
export function formatTime(iso: string | undefined | null, language: string, dateStyle: 'medium' | 'short' = 'medium'): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle, timeStyle: 'short' }).format(date);
}
