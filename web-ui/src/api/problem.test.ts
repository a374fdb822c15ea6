import { describe, expect, it } from 'vitest';
import { ApiError, fieldPath } from './problem';

describe('ApiError', () => {
  it('names the problem type by its last segment', () => {
    expect(new ApiError(409, { type: 'https://m4s.dev/problems/plate-taken' }).slug).toBe('plate-taken');
    expect(new ApiError(0, {}).slug).toBe('network');
    expect(new ApiError(502, {}).slug).toBe('http-502');
  });

  it('lists validation errors and the single field of a conflict as field errors', () => {
    const validation = new ApiError(422, {
      errors: [
        { field: 'profile.phone', message: 'must be an 11-digit mobile number' },
        { field: 'vehicles[0].plate', message: 'must be a mainland plate such as 粤B16888' },
      ],
    });
    const conflict = new ApiError(409, { field: 'profile.phone', detail: 'Another member of this store already has this phone number.' });

    expect(validation.fieldErrors.map((e) => e.field)).toEqual(['profile.phone', 'vehicles[0].plate']);
    expect(conflict.fieldErrors).toEqual([
      { field: 'profile.phone', message: 'Another member of this store already has this phone number.' },
    ]);
  });
});

describe('ApiError.detailIn', () => {
  it("gives the server's detail only when the server wrote it in the asked language", () => {
    const chinese = new ApiError(409, { detail: '门店代码“gz_x”已存在。' }, 'zh-CN');
    const english = new ApiError(409, { detail: "A store with code 'gz_x' already exists." }, 'en');
    const unsaid = new ApiError(409, { detail: "A store with code 'gz_x' already exists." });

    expect(chinese.detailIn('zh-CN')).toBe('门店代码“gz_x”已存在。');
    expect(chinese.detailIn('zh-cn')).toBe('门店代码“gz_x”已存在。');
    expect(chinese.detailIn('en')).toBeUndefined();
    expect(english.detailIn('en-US')).toBe("A store with code 'gz_x' already exists.");
    expect(unsaid.detailIn('zh-CN')).toBeUndefined();
  });
});

describe('fieldPath', () => {
  it('turns server field paths into form name paths', () => {
    expect(fieldPath('profile.phone')).toEqual(['profile', 'phone']);
    expect(fieldPath('vehicles[0].plate')).toEqual(['vehicles', 0, 'plate']);
    expect(fieldPath('plate')).toEqual(['plate']);
  });
});
