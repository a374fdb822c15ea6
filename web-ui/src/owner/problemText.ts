import type { TFunction } from 'i18next';
import { isApiError } from '../api/problem';
import i18n from '../i18n';

/**
 * A failed request in words, for the owner app (which does not load the consoles' Ant Design helpers): the server's
 * detail when it is in the user's language, else the problem type's text, else whatever the server said.
 */
export function problemText(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('problems.unexpected');
  const detail = error.detailIn(i18n.language);
  if (detail) return detail;
  const key = `problems.${error.slug}`;
  if (i18n.exists(key)) return t(key as 'problems.unexpected');
  return error.problem.detail ?? error.problem.title ?? t('problems.unexpected');
}
