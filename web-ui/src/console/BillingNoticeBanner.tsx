import type { BillingNotice } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { BillingStatusBanner } from '../group/billing/BillingStatusBanner';
import { useLoad } from '../ui/useLoad';

/**
 * The store console's banner about the dealer group's subscription (decision 0047): past due (the store becomes
 * read-only on a date), read-only, ended. Nothing while all is well, and nothing when the notice cannot be read: it
 * never stands between staff and their work.
 */
export function BillingNoticeBanner({ store }: { store: string }) {
  const { api } = useAuth();
  const notice = useLoad<BillingNotice>((signal) => api.get(`/api/stores/${store}/billing-notice`, undefined, signal), [store]);
  const state = notice.data?.state;
  if (!state || notice.error) return null;
  return <BillingStatusBanner status={state} readOnlyFrom={notice.data?.readOnlyFrom} audience="store" />;
}
