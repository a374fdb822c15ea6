import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import { problemMessage } from './problemForm';

/** The failure of a load or a save, in words; nothing when there is no error. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const details = isApiError(error) ? error.fieldErrors.map((e) => `${e.field}: ${e.message}`) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={problemMessage(t, error)}
      description={details.length > 0 ? details.join('; ') : undefined}
      action={
        onRetry ? (
          <a onClick={onRetry} role="button">
            {t('common.retry')}
          </a>
        ) : undefined
      }
    />
  );
}
