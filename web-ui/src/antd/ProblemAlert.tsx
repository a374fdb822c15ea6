import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import { problemMessage } from './problemForm';

/**
 * The failure of a load or a save, in words; nothing when there is no error. Field errors are listed too unless
 * the form shows them beside its inputs (`fieldsInForm`).
 */
export function ProblemAlert({ error, onRetry, fieldsInForm = false }: { error: unknown; onRetry?: () => void; fieldsInForm?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  const details = isApiError(error) && !fieldsInForm ? error.fieldErrors.map((e) => `${e.field}: ${e.message}`) : [];
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
