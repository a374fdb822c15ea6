import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExpiryPolicy, PointsRuleSet } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { formatPoints } from '../ui/points';
import { expiryPolicyText, storeToday } from '../ui/pointsExpiry';
import { useFormatTime, useStoreZone } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { problemText } from './problemText';

/** 积分规则: the store's rules in force, in plain words (客户自费每消费 1 元积 1 分……积分在结算 7 天后到账). */
export function PointsRulesInfo() {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { api, claims } = useAuth();
  const store = claims?.stores[0];
  const rules = useLoad<PointsRuleSet | undefined>(
    (signal) => (store ? api.get<PointsRuleSet>(`/api/stores/${store}/points/rules`, undefined, signal) : Promise.resolve(undefined)),
    [store],
  );
  const zone = useStoreZone();
  const expiry = useLoad<ExpiryPolicy | undefined>(
    (signal) =>
      store ? api.get<ExpiryPolicy>(`/api/stores/${store}/points/rules/expiry-policy`, undefined, signal) : Promise.resolve(undefined),
    [store],
  );
  if (!store) return <p role="alert">{t('owner.noStore')}</p>;
  const rate = (v: number | string) => formatPoints(Number(v), i18n.language);
  const earns = (key: 'customer' | 'insurance' | 'warranty' | 'internal', v: number | string): string =>
    Number(v) > 0 ? t(`owner.rules.${key}`, { points: rate(v) }) : t(`owner.rules.${key}None`);
  const r = rules.data;
  return (
    <>
      <div className="owner-title-row">
        <h1 className="owner-page-title">{t('owner.rules.title')}</h1>
        <Link to="/app/points" className="owner-chip">
          {t('owner.points.title')}
        </Link>
      </div>
      {rules.loading && !r && <p className="owner-muted">{t('common.loading')}</p>}
      {rules.error !== undefined && (
        <section className="owner-card" role="alert">
          <p>{problemText(t, rules.error)}</p>
          <button type="button" className="owner-button owner-button--secondary" onClick={rules.reload}>
            {t('common.retry')}
          </button>
        </section>
      )}
      {r && (
        <section className="owner-card owner-rules" data-testid="owner-rules">
          <p>{t('owner.rules.intro')}</p>
          <ul>
            <li>{earns('customer', r.pointsPerYuan.customer)}</li>
            <li>{earns('insurance', r.pointsPerYuan.insurance)}</li>
            <li>{earns('warranty', r.pointsPerYuan.warranty)}</li>
            <li>{earns('internal', r.pointsPerYuan.internal)}</li>
          </ul>
          <p>{t('owner.rules.rounding')}</p>
          <p>{r.activationDelayDays > 0 ? t('owner.rules.delay', { days: r.activationDelayDays }) : t('owner.rules.noDelay')}</p>
          <p>{t('owner.rules.refund')}</p>
          {expiry.data && (
            <p data-testid="owner-rules-expiry">
              {expiryPolicyText(t, expiry.data, storeToday(zone), i18n.language)}
              {expiry.data.kind !== 'NEVER' && ` ${t('pointsExpiry.remind')}`}
            </p>
          )}
          <p className="owner-muted">{t('owner.rules.since', { time: formatTime(r.validFrom, 'short') })}</p>
        </section>
      )}
    </>
  );
}
