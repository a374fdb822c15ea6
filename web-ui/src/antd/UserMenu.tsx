import { DownOutlined, KeyOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import type { Role } from '../auth/claims';

const ROLE_ORDER: Role[] = ['platform-operator', 'group-executive', 'store-manager', 'store-staff', 'owner'];

/**
 * The signed-in user in a header: name, and a menu with who they are (login and role) and 修改密码, which goes through
 * Keycloak's own change-password page and back.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const { claims, changePassword } = useAuth();
  if (!claims) return null;
  const role = ROLE_ORDER.find((r) => claims.roles.includes(r));
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'profile',
            disabled: true,
            label: (
              <Space direction="vertical" size={0} data-testid="user-profile">
                <Typography.Text strong>{claims.name}</Typography.Text>
                <Typography.Text type="secondary">{t('listPattern.header.login', { username: claims.username })}</Typography.Text>
                {role && <Typography.Text type="secondary">{t(`listPattern.header.roles.${role}`)}</Typography.Text>}
              </Space>
            ),
          },
          { type: 'divider' },
          { key: 'password', icon: <KeyOutlined />, label: t('listPattern.header.changePassword'), onClick: () => void changePassword() },
        ],
      }}
    >
      <Space className="console-user" role="button" tabIndex={0} aria-label={t('listPattern.header.userMenu')}>
        <Avatar size="small" icon={<UserOutlined />} />
        <Typography.Text data-testid="current-user">{claims.name}</Typography.Text>
        <DownOutlined style={{ fontSize: 10 }} />
      </Space>
    </Dropdown>
  );
}
