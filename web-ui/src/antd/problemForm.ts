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

/**
 * A message for the whole request: the server's detail when it is in the user's language (it names what is wrong),
 * else the UI's text for the problem type, else whatever the server said.
 */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('problems.unexpected');
  const detail = error.detailIn(i18n.language);
  if (detail) return detail;
  // a problem in another language, or none (the network, a proxy): the UI's own text for the type
  const key = `problems.${error.slug}`;
  if (i18n.exists(key)) return t(key as 'problems.unexpected');
  return error.problem.detail ?? error.problem.title ?? t('problems.unexpected');
}
