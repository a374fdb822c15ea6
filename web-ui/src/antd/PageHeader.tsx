import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

export interface Crumb {
  title: string;
  /** a link, except for the current page */
  to?: string;
}

/**
 * The top of a page: where it is (breadcrumbs, each a link but the last), a way back when the page is below another
 * (`back`: the page to return to), its title and its main actions.
 */
export function PageHeader({
  title,
  breadcrumb = [],
  back,
  extra,
  tags,
}: {
  title: ReactNode;
  breadcrumb?: Crumb[];
  back?: string;
  extra?: ReactNode;
  /** beside the title, not part of it (e.g. a car's status and revision) */
  tags?: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="page-header">
      {breadcrumb.length > 0 && (
        <Breadcrumb
          aria-label={t('listPattern.header.breadcrumb')}
          items={breadcrumb.map((crumb) => ({ title: crumb.to ? <Link to={crumb.to}>{crumb.title}</Link> : crumb.title }))}
        />
      )}
      <div className="page-header-main">
        <Space align="center" wrap>
          {back && (
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('listPattern.header.back')} onClick={() => navigate(back)} />
          )}
          <Typography.Title level={2} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {tags}
        </Space>
        {extra && <Space wrap>{extra}</Space>}
      </div>
    </div>
  );
}
