import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { claims, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { PageHeader } from './PageHeader';
import { UserMenu } from './UserMenu';

describe('UserMenu', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows who is signed in and changes the password through Keycloak', async () => {
    const auth = fakeAuth({ claims: claims(['store-manager'], { name: '张店长', username: 'manager.gz_tianhe' }) });
    renderWithAuth(<UserMenu />, { auth });

    await userEvent.click(screen.getByText('张店长'));
    expect(await screen.findByText('登录名：manager.gz_tianhe')).toBeInTheDocument();
    expect(screen.getByText('店长')).toBeInTheDocument();
    await userEvent.click(screen.getByText('修改密码'));

    expect(auth.changePassword).toHaveBeenCalledTimes(1);
  });
});

describe('PageHeader', () => {
  it('links the breadcrumbs above the current page and goes back', async () => {
    await i18n.changeLanguage('zh-CN');
    renderWithAuth(<PageHeader title="会员详情" back="/console/gz/members" breadcrumb={[{ title: '会员与车辆', to: '/console/gz/members' }, { title: '王小明' }]} />, {
      path: '/console/gz/members/1',
      route: '/console/gz/members/1',
    });

    expect(screen.getByText('会员与车辆').closest('a')).toHaveAttribute('href', '/console/gz/members');
    expect(screen.getByText('王小明').closest('a')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('会员详情');
    expect(screen.getByLabelText('返回')).toBeInTheDocument();
  });
});
