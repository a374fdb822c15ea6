import { ApiError, type Problem } from './problem';

type QueryValue = string | number | boolean | undefined | null;
/** Query parameters; a list is sent as the parameter repeated (`make=宝马&make=奥迪`), as Spring binds a List. */
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

/** A page of a list, the same shape in every service (platform-core PageResult). */
export interface Page<T> {
  content: T[];
  page: number;
  size: number;
  totalElements: number;
  totalPages: number;
}

export interface ApiClient {
  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T>;
  /**
   * `idempotencyKey`: sent as `Idempotency-Key` (decision 0017), for a write that must happen once even when the
   * request is repeated (a retry after a lost answer, a double click): make one key per intended write and reuse it.
   * `version`: for a move of a record the page shows (publish, end), the version it read, sent as `If-Match`
   * (decision 0014); a stale one is a 409 concurrent-update.
   */
  post<T>(path: string, body?: unknown, idempotencyKey?: string, version?: number): Promise<T>;
  /** `version`: the version the edit started from, sent as `If-Match: "<version>"`; a stale one is a 409. */
  put<T>(path: string, body: unknown, version?: number): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  /** A multipart/form-data POST (a photo upload); the browser sets the boundary. */
  upload<T>(path: string, form: FormData): Promise<T>;
  delete(path: string): Promise<void>;
  /** A file (an Excel export): its bytes and the name the server gave it in `Content-Disposition`. */
  download(path: string, query?: Query, accept?: string): Promise<DownloadedFile>;
}

export interface DownloadedFile {
  blob: Blob;
  /** from `filename*` (RFC 5987, UTF-8) when given, else `filename` */
  fileName?: string;
}

/** The file name of a `Content-Disposition` header: the UTF-8 `filename*` first, else the plain `filename`. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  const plain = /filename="([^"]*)"/i.exec(disposition) ?? /filename=([^;]+)/i.exec(disposition);
  return plain?.[1]?.trim();
}

export interface ClientOptions {
  /** The current access token, or null to call anonymously. */
  token: () => string | null;
  /** Called when the gateway refuses the token (401): the session is over, the page must keep its state. */
  onUnauthorized?: () => void;
  /** The UI's current language (`zh-CN`, `en`), sent as `Accept-Language`: the services answer problems in it. */
  language?: () => string | undefined;
  fetchImpl?: typeof fetch;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') params.append(key, String(one));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return (await response.json()) as Problem;
    } catch {
      // fall through: an unreadable body is reported by status only
    }
  }
  return { status: response.status };
}

/** The one way the UI calls the services: JSON in and out, failures as {@link ApiError}. */
export function createApiClient(options: ClientOptions): ApiClient {
  const doFetch = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request(
    method: string,
    path: string,
    accept: string,
    body?: unknown,
    signal?: AbortSignal,
    version?: number,
    idempotencyKey?: string,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    const token = options.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    const language = options.language?.();
    if (language) headers['Accept-Language'] = language;
    const multipart = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
    if (version !== undefined) headers['If-Match'] = `"${version}"`;
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
    let response: Response;
    try {
      response = await doFetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : multipart ? (body as FormData) : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, {});
    }
    if (!response.ok) {
      if (response.status === 401 && token) options.onUnauthorized?.();
      throw new ApiError(response.status, await problemOf(response), response.headers.get('content-language') ?? undefined);
    }
    return response;
  }

  async function send<T>(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    version?: number,
    idempotencyKey?: string,
  ): Promise<T> {
    const response = await request(method, path, 'application/json, application/problem+json', body, signal, version, idempotencyKey);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    get: (path, query, signal) => send('GET', withQuery(path, query), undefined, signal),
    post: (path, body, idempotencyKey, version) => send('POST', path, body, undefined, version, idempotencyKey),
    put: (path, body, version) => send('PUT', path, body, undefined, version),
    patch: (path, body) => send('PATCH', path, body),
    upload: (path, form) => send('POST', path, form),
    delete: (path) => send<void>('DELETE', path),
    download: async (path, query, accept = '*/*') => {
      const response = await request('GET', withQuery(path, query), `${accept}, application/problem+json`);
      return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
    },
  };
}
