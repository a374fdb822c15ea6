import type { Role } from '../auth/claims';

/** Every console page: its path under /console/:store, the menu text key and who may open it. */
export const CONSOLE_PAGES = [
  { key: 'dashboard', path: '', roles: ['platform-operator', 'group-executive', 'store-manager', 'store-staff'] },
  { key: 'members', path: 'members', roles: ['platform-operator', 'group-executive', 'store-manager', 'store-staff'] },
  { key: 'usedCarQueue', path: 'used-car-queue', roles: ['platform-operator', 'group-executive', 'store-manager', 'store-staff'] },
  { key: 'usedCars', path: 'used-cars', roles: ['platform-operator', 'group-executive', 'store-manager', 'store-staff'] },
  { key: 'usedCarMarket', path: 'used-car-market', roles: ['platform-operator', 'group-executive', 'store-manager', 'store-staff'] },
  { key: 'staff', path: 'staff', roles: ['platform-operator', 'group-executive', 'store-manager'] },
  { key: 'audit', path: 'audit', roles: ['platform-operator', 'group-executive', 'store-manager'] },
  { key: 'messages', path: 'messages', roles: ['platform-operator', 'store-manager'] },
] as const satisfies readonly { key: string; path: string; roles: readonly Role[] }[];

export type ConsolePageKey = (typeof CONSOLE_PAGES)[number]['key'];

/** Who may use the store console at all. */
export const CONSOLE_ROLES: readonly Role[] = ['platform-operator', 'group-executive', 'store-manager', 'store-staff'];

export function pageRoles(key: ConsolePageKey): readonly Role[] {
  return CONSOLE_PAGES.find((page) => page.key === key)!.roles;
}
