import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();

  return (
    <section className="placeholder">
      <h1 className="placeholder__title">{t('notFound.title')}</h1>
      <p className="placeholder__message">{t('notFound.message')}</p>
      <Link to="/" className="button">
        {t('placeholder.back')}
      </Link>
    </section>
  );
}
