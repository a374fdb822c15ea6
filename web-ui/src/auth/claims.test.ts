import { describe, expect, it } from 'vitest';
import { claimsOf } from './claims';

function token(payload: object): string {
  const encode = (value: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${encode({ alg: 'RS256' })}.${encode(payload)}.signature`;
}

describe('claimsOf', () => {
  it('reads roles, tenancy claims and the name (UTF-8) from an access token', () => {
    const claims = claimsOf(
      token({
        preferred_username: 'staff.gz_tianhe',
        name: '张 服务',
        realm_access: { roles: ['store-staff', 'default-roles-m4s', 'offline_access'] },
        m4s_group: 'huanan',
        m4s_stores: ['gz_tianhe'],
        m4s_department: 'service',
      }),
    );

    expect(claims).toEqual({
      username: 'staff.gz_tianhe',
      name: '张 服务',
      roles: ['store-staff'],
      group: 'huanan',
      stores: ['gz_tianhe'],
      department: 'service',
    });
  });

  it('names a Chinese user family name first without a space, as people write it; other names as the token gives them', () => {
    expect(claimsOf(token({ preferred_username: 'm', name: '丽娟 黄', given_name: '丽娟', family_name: '黄' })).name).toBe('黄丽娟');
    expect(claimsOf(token({ preferred_username: 'l', name: 'Lucy Zhang', given_name: 'Lucy', family_name: 'Zhang' })).name).toBe('Lucy Zhang');
  });

  it('copes with tokens without tenancy claims', () => {
    const claims = claimsOf(token({ sub: 'abc', realm_access: { roles: ['platform-operator'] } }));
    expect(claims).toMatchObject({ username: 'abc', name: 'abc', roles: ['platform-operator'], stores: [] });
    expect(claims.group).toBeUndefined();
  });
});
