import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { fieldPath, isApiError } from '../api/problem';
import i18n from '../i18n';

/**
 * Puts the field errors of a problem response beside the form's inputs; `prefix` is added to server field paths
 * that the form nests deeper (e.g. the profile form of an existing member). Returns the fields it could place.
 */
export function applyProblem(form: FormInstance, error: unknown, prefix: (string | number)[] = []): number {
  if (!isApiError(error)) return 0;
  const fields = error.fieldErrors.map(({ field, message }) => {
    const path = fieldPath(field);
    const name = prefix.length > 0 && path[0] !== prefix[0] ? [...prefix, ...path] : path;
    return { name, errors: [message] };
  });
  form.setFields(fields);
  return fields.length;
}

/** A message for the whole request: the problem type in the user's language, else the server's own detail. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('problems.unexpected');
  // problem types the UI knows have a text of their own; the rest show the server's detail
  const key = `problems.${error.slug}`;
  if (i18n.exists(key)) return t(key as 'problems.unexpected');
  return error.problem.detail ?? error.problem.title ?? t('problems.unexpected');
}
