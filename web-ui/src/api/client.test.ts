import { describe, expect, it, vi } from 'vitest';
import { createApiClient, fileNameOf, withQuery } from './client';
import { ApiError } from './problem';

function response(status: number, body?: unknown, type = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': type } });
}

describe('api client', () => {
  it('sends the bearer token and JSON, and reads JSON answers', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(response(201, { id: 'm1' }));
    const api = createApiClient({ token: () => 'tok', fetchImpl });

    await expect(api.post('/api/stores/gz_tianhe/members', { profile: { name: '王' } })).resolves.toEqual({ id: 'm1' });

    const [path, init] = fetchImpl.mock.calls[0]!;
    expect(path).toBe('/api/stores/gz_tianhe/members');
    expect(init.method).toBe('POST');
    expect(init.headers.Authorization).toBe('Bearer tok');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body)).toEqual({ profile: { name: '王' } });
  });

  it('sends the version an edit started from as If-Match, and nothing without one', async () => {
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(response(200, {})));
    const api = createApiClient({ token: () => 'tok', fetchImpl });

    await api.put('/api/stores/gz_tianhe/members/m1', { name: '王' }, 3);
    await api.put('/api/stores/gz_tianhe/members/m1', { name: '王' });

    expect(fetchImpl.mock.calls[0]![1].headers['If-Match']).toBe('"3"');
    expect(fetchImpl.mock.calls[1]![1].headers).not.toHaveProperty('If-Match');
  });

  it('sends the version a move (publish, end) read as If-Match on a POST without a body', async () => {
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(response(200, {})));
    const api = createApiClient({ token: () => 'tok', fetchImpl });

    await api.post('/api/stores/gz_tianhe/point-tasks/t-1/end', undefined, undefined, 4);

    expect(fetchImpl.mock.calls[0]![1].headers['If-Match']).toBe('"4"');
    expect(fetchImpl.mock.calls[0]![1].body).toBeUndefined();
  });

  it('turns a problem response into an ApiError with its field errors', async () => {
    const problem = { type: 'https://m4s.dev/problems/validation-failed', status: 422, errors: [{ field: 'profile.phone', message: 'bad' }] };
    const api = createApiClient({ token: () => 'tok', fetchImpl: vi.fn().mockResolvedValue(response(422, problem, 'application/problem+json')) });

    const error = await api.post('/x', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).slug).toBe('validation-failed');
    expect((error as ApiError).fieldErrors).toEqual([{ field: 'profile.phone', message: 'bad' }]);
  });

  it("asks for the UI's language and keeps the language the problem is written in", async () => {
    const problem = { type: 'https://m4s.dev/problems/store-code-taken', status: 409, detail: '门店代码“gz_x”已存在。' };
    const fetchImpl = vi.fn().mockImplementation(() =>
      Promise.resolve(new Response(JSON.stringify(problem), { status: 409, headers: { 'content-type': 'application/problem+json', 'content-language': 'zh-CN' } })),
    );

    const error = (await createApiClient({ token: () => 'tok', fetchImpl, language: () => 'zh-CN' }).post('/x', {}).catch((e: unknown) => e)) as ApiError;
    await createApiClient({ token: () => 'tok', fetchImpl }).get('/x').catch(() => undefined);

    expect(fetchImpl.mock.calls[0]![1].headers['Accept-Language']).toBe('zh-CN');
    expect(fetchImpl.mock.calls[1]![1].headers).not.toHaveProperty('Accept-Language');
    expect(error.language).toBe('zh-CN');
    expect(error.detailIn('zh-CN')).toBe('门店代码“gz_x”已存在。');
  });

  it('reports a refused token once per call, and not for anonymous calls', async () => {
    const onUnauthorized = vi.fn();
    const fetchImpl = vi.fn().mockImplementation(() => Promise.resolve(response(401, { status: 401 })));
    await createApiClient({ token: () => 'old', fetchImpl, onUnauthorized }).get('/api/x').catch(() => undefined);
    await createApiClient({ token: () => null, fetchImpl, onUnauthorized }).get('/api/x').catch(() => undefined);

    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('answers undefined for 204 and status 0 when the server cannot be reached', async () => {
    const ok = createApiClient({ token: () => null, fetchImpl: vi.fn().mockResolvedValue(new Response(null, { status: 204 })) });
    const down = createApiClient({ token: () => null, fetchImpl: vi.fn().mockRejectedValue(new TypeError('Failed to fetch')) });

    await expect(ok.delete('/x')).resolves.toBeUndefined();
    await expect(down.get('/x')).rejects.toMatchObject({ status: 0, slug: 'network' });
  });

  it('leaves empty query values out', () => {
    expect(withQuery('/m', { q: '', page: 0, size: 20, sort: undefined, x: null })).toBe('/m?page=0&size=20');
    expect(withQuery('/m', { q: '粤B 1' })).toBe('/m?q=%E7%B2%A4B+1');
  });

  it('repeats a parameter for each value of a list, leaving empty values out', () => {
    expect(withQuery('/m', { make: ['BMW', '', 'Audi'], city: [], page: 1 })).toBe('/m?make=BMW&make=Audi&page=1');
  });

  it('downloads a file with the UTF-8 name the server gives it', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(
      new Response('xlsx', {
        status: 200,
        headers: { 'Content-Disposition': "attachment; filename=\"members_2026-12-03.xlsx\"; filename*=UTF-8''%E4%BC%9A%E5%91%98_2026-12-03.xlsx" },
      }),
    );
    const file = await createApiClient({ token: () => 't', fetchImpl, language: () => 'zh-CN' }).download('/m/export', { q: '陈' }, 'application/xlsx');

    expect(file.fileName).toBe('会员_2026-12-03.xlsx');
    expect(await file.blob.text()).toBe('xlsx');
    expect(fetchImpl.mock.calls[0]![0]).toBe('/m/export?q=%E9%99%88');
    expect(fetchImpl.mock.calls[0]![1].headers).toMatchObject({ Accept: 'application/xlsx, application/problem+json', 'Accept-Language': 'zh-CN', Authorization: 'Bearer t' });
    expect(fileNameOf('attachment; filename="plain.xlsx"')).toBe('plain.xlsx');
    expect(fileNameOf(null)).toBeUndefined();
  });
});
