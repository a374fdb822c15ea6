import type { BillingStatus } from '../../api/types';

/** The colour of each status's tag. */
export const BILLING_STATUS_COLOURS: Record<BillingStatus, string> = {
  NONE: 'default',
  TRIALING: 'blue',
  ACTIVE: 'green',
  PAST_DUE: 'orange',
  READ_ONLY: 'red',
  CANCELED: 'default',
};

/** Whether a subscription runs in Stripe (it can change plan, be canceled, has a next invoice). */
export function subscribed(status: BillingStatus): boolean {
  return status === 'TRIALING' || status === 'ACTIVE' || status === 'PAST_DUE' || status === 'READ_ONLY';
}

/** The group's base path in the group console. */
export function billingPath(groupCode: string): string {
  return `/group/${groupCode}/billing`;
}
