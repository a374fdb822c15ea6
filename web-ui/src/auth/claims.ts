/** Realm roles as tokens carry them in `realm_access.roles`. */
export const ROLES = ['platform-operator', 'group-executive', 'store-manager', 'store-staff', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/** What the UI needs to know about the signed-in user, read from the access token. */
export interface Claims {
  username: string;
  name: string;
  roles: Role[];
  /** dealer group of executives and store staff (`m4s_group`) */
  group?: string;
  /** stores of managers, staff and owners (`m4s_stores`) */
  stores: string[];
  /** department of store staff (`m4s_department`) */
  department?: string;
}

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads the claims of a JWT access token; the signature is the gateway's business, not the browser's. */
export function claimsOf(accessToken: string): Claims {
  const payload = decodeSegment(accessToken.split('.')[1] ?? '') as Record<string, unknown>;
  const realmAccess = payload.realm_access as { roles?: unknown } | undefined;
  const roles = Array.isArray(realmAccess?.roles)
    ? realmAccess.roles.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r))
    : [];
  const stores = Array.isArray(payload.m4s_stores)
    ? payload.m4s_stores.filter((s): s is string => typeof s === 'string')
    : [];
  const username = stringOf(payload.preferred_username) ?? stringOf(payload.sub) ?? '';
  return {
    username,
    name: personName(payload) ?? username,
    roles,
    group: stringOf(payload.m4s_group),
    stores,
    department: stringOf(payload.m4s_department),
  };
}

/**
 * The name people read, as the services record it: a Chinese name is family name then given name with no space
 * (黄 + 丽娟 = 黄丽娟; the identity provider's `name` says "丽娟 黄"); any other name is the token's `name` as it is.
 */
function personName(payload: Record<string, unknown>): string | undefined {
  const family = stringOf(payload.family_name)?.trim();
  const given = stringOf(payload.given_name)?.trim();
  if (family && given && /\p{Script=Han}/u.test(family + given)) return family + given;
  return stringOf(payload.name);
}

export function hasAnyRole(claims: Claims | undefined, roles: readonly Role[]): boolean {
  return !!claims && claims.roles.some((role) => roles.includes(role));
}
