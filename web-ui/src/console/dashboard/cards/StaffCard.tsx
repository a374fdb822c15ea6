import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardFrame, Figures, type CardProps } from '../CardFrame';

/** Logins working in the store, as Keycloak knows them: in all, managers, staff, disabled. */
export function StaffCard({ card, store }: CardProps) {
  const { t } = useTranslation();
  return (
    <CardFrame title={t('dashboard.cards.staff.title')} card={card} extra={<Link to={`/console/${store}/staff`}>{t('dashboard.cards.staff.open')}</Link>}>
      <Figures
        items={[
          { label: t('dashboard.cards.staff.total'), value: card.figures.total, testId: 'count-staff' },
          { label: t('dashboard.cards.staff.managers'), value: card.figures.managers },
          { label: t('dashboard.cards.staff.staff'), value: card.figures.staff },
          { label: t('dashboard.cards.staff.disabled'), value: card.figures.disabled },
        ]}
      />
    </CardFrame>
  );
}
