import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EntryKey } from '../entries';

export function ComingSoon({ entry }: { entry: EntryKey }) {
  const { t } = useTranslation();
  const name = t(`entries.${entry}.title`);

  return (
    <section className={`placeholder entry--${entry}`}>
      <span className="entry__badge">{t('home.comingSoon')}</span>
      <h1 className="placeholder__title">{name}</h1>
      <p className="placeholder__message">{t('placeholder.message', { name })}</p>
      <Link to="/" className="button">
        {t('placeholder.back')}
      </Link>
    </section>
  );
}
