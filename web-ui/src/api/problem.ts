/** One entry of a problem's `errors`: which field, what is wrong (store-console / tenant-admin ProblemAdvice). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details as the services write them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** validation failures: one entry per field */
  errors?: FieldProblem[];
  /** conflicts on one field (e.g. plate-taken) name it here */
  field?: string;
}

const TYPE_BASE = 'https://m4s.dev/problems/';

/** Whether two language tags name the same language: `zh-CN` and `zh-cn`, `en` and `en-US`. */
function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
}

/**
 * A failed API call: HTTP status plus the problem body when there was one, and the language the server wrote its
 * texts in (`Content-Language`; the client asks for the UI's language with `Accept-Language`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly language: string | undefined;

  constructor(status: number, problem: Problem, language?: string) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.language = language;
  }

  /**
   * The server's detail when it is written in `language` (the UI's): it names what is wrong, e.g. the store code
   * that is taken. Undefined when there is none or the server did not say it answered in that language.
   */
  detailIn(language: string): string | undefined {
    if (this.language === undefined || !sameLanguage(this.language, language)) return undefined;
    return this.problem.detail;
  }

  /** The last part of the problem type, e.g. `plate-taken`; `network` when the server was not reached. */
  get slug(): string {
    const type = this.problem.type ?? '';
    if (type.startsWith(TYPE_BASE)) return type.slice(TYPE_BASE.length);
    if (this.status === 0) return 'network';
    return `http-${this.status}`;
  }

  /**
   * Field errors to show beside inputs: the `errors` list of a validation problem, or the single `field` of a
   * conflict (with the problem's detail as its message).
   */
  get fieldErrors(): FieldProblem[] {
    const errors = [...(this.problem.errors ?? [])];
    if (this.problem.field && !errors.some((e) => e.field === this.problem.field)) {
      errors.push({ field: this.problem.field, message: this.problem.detail ?? this.problem.title ?? '' });
    }
    return errors;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Splits a server field path (`profile.phone`, `vehicles[0].plate`) into a form name path
 * (`['profile', 'phone']`, `['vehicles', 0, 'plate']`).
 */
export function fieldPath(field: string): (string | number)[] {
  return field
    .split(/\.|\[|\]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
