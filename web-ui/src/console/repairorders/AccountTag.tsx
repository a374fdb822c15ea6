import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountTypeName } from '../../ui/points';

const COLOURS: Record<AccountTypeName, string> = {
  CUSTOMER: 'blue',
  INSURANCE: 'purple',
  WARRANTY: 'orange',
  INTERNAL: 'default',
};

/** Who pays a line (客户帐, 保险帐, 索赔帐, 内部帐), each in its own colour. */
export function AccountTag({ account }: { account: AccountTypeName }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[account]} data-testid="account-tag">
      {t(`repairOrders.accounts.${account}`)}
    </Tag>
  );
}

export type RepairOrderStatusName = 'OPEN' | 'SETTLED' | 'REFUNDED' | 'REVERSED';

const STATUS_COLOURS: Record<RepairOrderStatusName, string> = { OPEN: 'default', SETTLED: 'green', REFUNDED: 'gold', REVERSED: 'red' };

/** A repair order's status (未结算, 已结算, 部分退款, 已冲销). */
export function OrderStatusTag({ status }: { status: RepairOrderStatusName }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="repair-order-status">
      {t(`repairOrders.statuses.${status}`)}
    </Tag>
  );
}
