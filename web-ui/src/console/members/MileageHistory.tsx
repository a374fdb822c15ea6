import { WarningOutlined } from '@ant-design/icons';
import { Spin, Tag, Typography } from 'antd';
import './members.css';
import { useTranslation } from 'react-i18next';
import type { MileageReading } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';

/**
 * A vehicle's odometer readings, newest first: when, how far, from which repair order; a reading lower than the one
 * before it is flagged (the odometer went back, or a reading is wrong), for the service manager to look into.
 */
export function MileageHistory({ store, memberId, vehicleId }: { store: string; memberId: string; vehicleId: string }) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { api } = useAuth();
  const path = `/api/stores/${store}/members/${memberId}/vehicles/${vehicleId}/mileage`;
  const history = useLoad<MileageReading[]>((signal) => api.get<MileageReading[]>(path, undefined, signal), [path]);

  if (history.error) return <ProblemAlert error={history.error} onRetry={history.reload} />;
  const rows = history.data ?? [];
  if (!history.loading && rows.length === 0) {
    return <Typography.Text type="secondary">{t('mileage.none')}</Typography.Text>;
  }
  return (
    <div className="mileage-history">
      <Typography.Text strong>{t('mileage.title')}</Typography.Text>
      {history.loading && !history.data && <Spin size="small" style={{ marginLeft: 8 }} />}
      <table>
        <thead>
          <tr>
            <th>{t('mileage.readAt')}</th>
            <th>{t('mileage.km')}</th>
            <th>{t('mileage.source')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatTime(r.readAt, 'short')}</td>
              <td data-testid="mileage-km" className="mileage-history__km">
                {r.mileageKm.toLocaleString(i18n.language)}
                {r.rollback && (
                  <Tag color="red" icon={<WarningOutlined />} style={{ marginLeft: 8 }}>
                    {t('mileage.rollback')}
                  </Tag>
                )}
              </td>
              <td>{t(`mileage.sources.${r.source}`, { ref: r.sourceRef ?? '' })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
