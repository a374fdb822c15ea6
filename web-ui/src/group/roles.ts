import type { Role } from '../auth/claims';

/** Who may open the group console: operators (every group) and group executives (their own). */
export const GROUP_ROLES: readonly Role[] = ['platform-operator', 'group-executive'];
