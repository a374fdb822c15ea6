import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router';
import i18n from '../i18n';
import { OwnerNav } from './OwnerNav';

function at(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="*" element={<OwnerNav />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('the owner app’s navigation', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows four main entries and 更多 in one row; 更多 opens the other pages and closes once one is chosen', () => {
    at('/app/pay');
    const main = screen.getByLabelText('车主服务导航').querySelector('.owner-nav__main')!;
    expect([...main.children].map((e) => e.textContent)).toEqual(['首页', '我的积分', '待支付', '会员卡', '更多']);
    expect(screen.getByText('待支付')).toHaveClass('active');
    expect(screen.queryByText('我的钱包')).toBeNull();

    fireEvent.click(screen.getByText('更多'));
    expect(screen.getByText('更多')).toHaveAttribute('aria-expanded', 'true');
    expect([...screen.getByTestId('owner-nav-more').children].map((e) => e.textContent)).toEqual([
      '我的钱包', '优惠券', '礼品兑换', '商城', '我的订单', '消费记录', '我要卖车', '我的寄售', '二手车市场', '我的顾问',
    ]);
    fireEvent.click(screen.getByText('消费记录'));
    expect(screen.queryByTestId('owner-nav-more')).toBeNull();
    // the page shown is one of 更多's: 更多 is marked current
    expect(screen.getByText('更多')).toHaveClass('active');
    expect(screen.getByText('待支付')).not.toHaveClass('active');
  });

  it('marks 更多 current on a page below one of its entries, and 首页 only on the start page', () => {
    at('/app/used-cars/u1');
    expect(screen.getByText('更多')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText('首页')).not.toHaveClass('active');
  });
});
