import { useTranslation } from 'react-i18next';
import type { Page } from '../api/client';
import type { BonusTier, OnlinePaymentOptions, WalletEntryView, WalletView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useFormatTime } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { entryTotal, formatFen, walletSource } from '../ui/wallet';
import { problemText } from './problemText';
import { WalletTopUp } from './WalletTopUp';

/**
 * 我的钱包 (WAL-1): the wallet's total with principal and bonus apart, 在线充值 when the store takes online payment
 * (else the word to top up at the desk), and every movement, newest first.
 */
export function MyWallet({ intervalMs }: { intervalMs?: number } = {}) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const wallet = useLoad<WalletView | undefined>(
    (signal) => (store ? api.get<WalletView>(`/api/stores/${store}/me/wallet`, undefined, signal) : Promise.resolve(undefined)),
    [store],
  );
  const entries = useLoad<Page<WalletEntryView> | undefined>(
    (signal) =>
      store ? api.get<Page<WalletEntryView>>(`/api/stores/${store}/me/wallet/entries`, { size: 50 }, signal) : Promise.resolve(undefined),
    [store],
  );
  const online = useLoad<{ methods: OnlinePaymentOptions['methods']; tiers: BonusTier[] } | undefined>(
    async (signal) => {
      if (!store) return undefined;
      // online top-up is an extra: without it (or when it cannot be read) the page is the wallet as before
      const methods = await api.get<OnlinePaymentOptions>(`/api/stores/${store}/me/online-payment`, undefined, signal).then((o) => (Array.isArray(o?.methods) ? o.methods : []), () => []);
      if (methods.length === 0) return { methods, tiers: [] };
      const tiers = await api.get<BonusTier[]>(`/api/stores/${store}/me/wallet/bonus-tiers`, undefined, signal).catch(() => []);
      return { methods, tiers: Array.isArray(tiers) ? tiers : [] };
    },
    [store],
  );
  const y = (fen: number) => formatFen(fen, i18n.language);

  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  const error = wallet.error ?? entries.error;
  return (
    <>
      <h1 className="owner-page-title">{t('owner.wallet.title')}</h1>
      {error !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, error)}</p>
          <button
            type="button"
            className="owner-button owner-button--secondary"
            onClick={() => {
              wallet.reload();
              entries.reload();
            }}
          >
            {t('common.retry')}
          </button>
        </section>
      )}
      {wallet.loading && !wallet.data && <p className="owner-muted">{t('common.loading')}</p>}
      {wallet.data && (
        <section className="owner-card owner-points">
          <div className="owner-points__main">
            <span className="owner-muted">{t('owner.wallet.total')}</span>
            <strong data-testid="owner-wallet-total">{y(wallet.data.total)}</strong>
          </div>
          <div className="owner-points__side">
            <span className="owner-muted">{t('owner.wallet.principal')}</span>
            <strong data-testid="owner-wallet-principal">{y(wallet.data.principal)}</strong>
          </div>
          <div className="owner-points__side">
            <span className="owner-muted">{t('owner.wallet.bonus')}</span>
            <strong data-testid="owner-wallet-bonus">{y(wallet.data.bonus)}</strong>
          </div>
          <p className="owner-muted owner-points__hint">{t('owner.wallet.hint')}</p>
          {online.data && online.data.methods.length === 0 && <p className="owner-muted owner-points__hint">{t('owner.wallet.topUpAtDesk')}</p>}
        </section>
      )}
      {online.data && online.data.methods.length > 0 && (
        <WalletTopUp
          store={store}
          methods={online.data.methods}
          tiers={online.data.tiers}
          intervalMs={intervalMs}
          onSettled={() => {
            wallet.reload();
            entries.reload();
          }}
        />
      )}
      <h2 className="owner-section-title">{t('owner.wallet.history')}</h2>
      {entries.data && entries.data.content.length === 0 && (
        <section className="owner-card">
          <p className="owner-muted">{t('owner.wallet.none')}</p>
        </section>
      )}
      <ul className="owner-points-history">
        {(entries.data?.content ?? []).map((entry) => {
          const change = entryTotal(entry);
          const source = walletSource(t, entry);
          return (
            <li key={entry.id} className="owner-card owner-points-entry" data-testid="owner-wallet-entry">
              <span className="owner-points-entry__head">
                <span>{t(`wallet.kinds.${entry.kind}`)}</span>
                <strong className={change < 0 ? 'owner-points-entry__minus' : 'owner-points-entry__plus'}>{change > 0 ? `+${y(change)}` : y(change)}</strong>
              </span>
              <span className="owner-muted">
                {entry.kind === 'REFUND' ? t('owner.wallet.refund', { what: source }) : source}
                {entry.bonusDelta !== 0 ? ' · ' + t('owner.wallet.bonusPart', { bonus: y(entry.bonusDelta) }) : ''}
              </span>
              <span className="owner-muted">{formatTime(entry.createdAt, 'short')}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
