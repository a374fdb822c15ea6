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

describe('fieldPath', () => {
  it('turns server field paths into form name paths', () => {
    expect(fieldPath('profile.phone')).toEqual(['profile', 'phone']);
    expect(fieldPath('vehicles[0].plate')).toEqual(['vehicles', 0, 'plate']);
    expect(fieldPath('plate')).toEqual(['plate']);
  });
});
