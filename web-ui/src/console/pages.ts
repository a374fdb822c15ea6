import type { Permission } from '../api/types';
import type { Role } from '../auth/claims';

/**
 * Every console page: its path under /console/:store, the menu text key and the permission it needs (the user's
 * permissions in the store come from store-console, see permissions.tsx). A work list names the permission of the
 * work: the review queue is for those who review (USED_CAR_MANAGE); who may only read cars finds them under 二手车.
 * A page with a `group` is shown under the group's title (售后与积分, 商城), where the group's first visible page stands.
 */
export const CONSOLE_PAGES = [
  { key: 'dashboard', path: '', permission: 'CONSOLE_USE' },
  { key: 'members', path: 'members', permission: 'MEMBER_VIEW' },
  { key: 'segments', path: 'segments', permission: 'SEGMENT_VIEW' },
  { key: 'cards', path: 'cards', permission: 'CARD_VIEW' },
  { key: 'usedCarQueue', path: 'used-car-queue', permission: 'USED_CAR_MANAGE' },
  { key: 'usedCars', path: 'used-cars', permission: 'USED_CAR_VIEW' },
  { key: 'usedCarMarket', path: 'used-car-market', permission: 'USED_CAR_MARKET_VIEW' },
  { key: 'repairOrders', path: 'repair-orders', permission: 'REPAIR_ORDER_VIEW', group: 'aftersales' },
  { key: 'dmsImport', path: 'repair-order-imports', permission: 'REPAIR_ORDER_IMPORT', group: 'aftersales' },
  { key: 'pointsRules', path: 'points-rules', permission: 'POINTS_RULES_VIEW', group: 'aftersales' },
  { key: 'pointTasks', path: 'point-tasks', permission: 'POINT_TASK_VIEW', group: 'aftersales' },
  { key: 'dmsCredential', path: 'dms-credential', permission: 'DMS_CREDENTIAL_MANAGE', group: 'aftersales' },
  { key: 'pointCampaigns', path: 'point-campaigns', permission: 'POINT_CAMPAIGN_VIEW', group: 'aftersales' },
  { key: 'advisors', path: 'advisors', permission: 'ADVISOR_VIEW' },
  { key: 'pointTransfers', path: 'point-transfers', permission: 'POINT_TRANSFER_VIEW', group: 'aftersales' },
  { key: 'walletCashOuts', path: 'wallet-cash-outs', permission: 'WALLET_VIEW', group: 'aftersales' },
  { key: 'coupons', path: 'coupons', permission: 'COUPON_VIEW', group: 'aftersales' },
  { key: 'gifts', path: 'gifts', permission: 'GIFT_VIEW', group: 'aftersales' },
  { key: 'giftRedemptions', path: 'gift-redemptions', permission: 'GIFT_VIEW', group: 'aftersales' },
  { key: 'giftDistributions', path: 'gift-distributions', permission: 'GIFT_VIEW', group: 'aftersales' },
  { key: 'giftStatistics', path: 'gift-statistics', permission: 'GIFT_VIEW', group: 'aftersales' },
  { key: 'products', path: 'products', permission: 'MALL_VIEW', group: 'mall' },
  { key: 'productCategories', path: 'product-categories', permission: 'MALL_VIEW', group: 'mall' },
  { key: 'mallOrders', path: 'mall-orders', permission: 'MALL_VIEW', group: 'mall' },
  { key: 'partOrders', path: 'part-orders', permission: 'MALL_VIEW', group: 'mall' },
  { key: 'stockAlerts', path: 'stock-alerts', permission: 'MALL_VIEW', group: 'mall' },
  { key: 'payments', path: 'payments', permission: 'PAYMENT_VIEW', group: 'aftersales' },
  { key: 'advisorPerformance', path: 'advisor-performance', permission: 'ADVISOR_VIEW' },
  { key: 'advisorMoves', path: 'advisor-moves', permission: 'ADVISOR_MANAGE' },
  { key: 'advisorNews', path: 'advisor-announcements', permission: 'ANNOUNCEMENT_POST' },
  { key: 'myAnnouncements', path: 'my-announcements', permission: 'CONSOLE_USE' },
  { key: 'staff', path: 'staff', permission: 'STAFF_VIEW' },
  { key: 'audit', path: 'audit', permission: 'AUDIT_VIEW' },
  { key: 'messages', path: 'messages', permission: 'MESSAGE_LOG_VIEW' },
] as const satisfies readonly { key: string; path: string; permission: Permission; group?: ConsoleMenuGroup }[];

/** Menu groups: pages of one group are shown together under its title (console.menuGroups.<group>). */
export type ConsoleMenuGroup = 'aftersales' | 'mall';

export type ConsolePageKey = (typeof CONSOLE_PAGES)[number]['key'];

/**
 * Who may sign in to the store console at all, before a store is chosen (then the store's permissions decide); the
 * roles come from the token, as for the other areas.
 */
export const CONSOLE_ROLES: readonly Role[] = ['platform-operator', 'group-executive', 'store-manager', 'store-staff'];
