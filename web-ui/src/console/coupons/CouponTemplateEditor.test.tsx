import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CouponTemplateView, Permission } from '../../api/types';
import i18n from '../../i18n';
import { button } from '../../testing/buttons';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { CouponTemplateEditor, fieldsOf, toChange } from './CouponTemplateEditor';

const MANAGER: Permission[] = ['CONSOLE_USE', 'COUPON_VIEW', 'COUPON_MANAGE', 'COUPON_ISSUE'];

function template(overrides: Partial<CouponTemplateView>): CouponTemplateView {
  return {
    id: 't-1', name: '工时8折', description: null, kind: 'PERCENT', scope: 'LABOUR', scopeCodes: [], valueFen: 0, thresholdFen: 0,
    percentOff: 20, capFen: 20000, pointsMultiplier: 1, stackGroup: '常规', validFrom: null, validUntil: null, validDays: 30,
    perMemberLimit: 1, totalLimit: 100, handedOut: 3, remaining: 97, used: 1, claimable: true, status: 'ACTIVE', moves: ['EDIT_TEXT', 'END', 'HAND_OUT'],
    createdBy: 'mgr', createdAt: '2026-12-01T01:00:00Z', updatedAt: '2026-12-01T01:00:00Z', version: 4, ...overrides,
  } as CouponTemplateView;
}

function renderEditor(client: ReturnType<typeof fakeApi>, shown?: CouponTemplateView, onSaved = vi.fn()) {
  renderWithAuth(
    <App>
      <CouponTemplateEditor store="gz_tianhe" template={shown} onClose={vi.fn()} onSaved={onSaved} />
    </App>,
    { auth: fakeAuth({ api: client }), path: '/console/gz_tianhe/coupons', route: '/console/:store/*', permissions: MANAGER },
  );
  return onSaved;
}

describe('coupon template editor', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('asks for the fields of the kind only and sends fen', () => {
    expect(fieldsOf('PERCENT')).toEqual({ value: false, threshold: true, percent: true, cap: true, multiplier: false });
    expect(fieldsOf('POINTS_MULTIPLIER').threshold).toBe(false);
    const change = toChange({
      name: ' 满300减50 ', kind: 'THRESHOLD', scope: 'ORDER', value: 50, threshold: 300, percentOff: 20, cap: 10, stackGroup: '常规',
      validity: 'dates', dates: [dayjs('2027-01-01'), dayjs('2027-01-31')], validDays: 30, perMemberLimit: 2, totalLimit: null, claimable: true,
    });
    expect(change).toMatchObject({ name: '满300减50', valueFen: 5000, thresholdFen: 30000, percentOff: 0, capFen: null, pointsMultiplier: 1,
      validFrom: '2027-01-01', validUntil: '2027-01-31', validDays: null, scopeCodes: [] });
  });

  it('creates a draft from the form: a threshold coupon shows amount and threshold, not a percentage', async () => {
    const post = vi.fn(() => Promise.resolve(template({ id: 't-9', name: '满300减50', status: 'DRAFT' }) as never));
    const onSaved = renderEditor(fakeApi({ post }));
    expect(screen.getByText('优惠金额（元）')).toBeInTheDocument();
    expect(screen.getByText('使用门槛（元）')).toBeInTheDocument();
    expect(screen.queryByText('减免比例（%）')).toBeNull();
    fireEvent.change(screen.getByLabelText('名称'), { target: { value: '满300减50' } });
    fireEvent.change(screen.getByLabelText('优惠金额（元）'), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('使用门槛（元）'), { target: { value: '300' } });
    fireEvent.click(button('保存'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/coupon-templates', expect.objectContaining({ kind: 'THRESHOLD', valueFen: 5000, thresholdFen: 30000, validDays: 30 }));
  });

  it('ends an active coupon only after a confirmation, sending the version read', async () => {
    const post = vi.fn(() => Promise.resolve(template({ status: 'ENDED' }) as never));
    renderEditor(fakeApi({ post }), template({}));
    expect(screen.getByText('已启用的优惠券只能修改名称、说明和增加库存；规则不变，会员手中的券按原规则使用。')).toBeInTheDocument();
    fireEvent.click(button('结束'));
    expect(post).not.toHaveBeenCalled();
    await screen.findByText('结束后“工时8折”不能再发放或领取；会员已持有的券在有效期内仍可使用。');
    const dialog = document.querySelector<HTMLElement>('.ant-modal')!;
    fireEvent.click(button('结束', dialog));
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/coupon-templates/t-1/ending', undefined, undefined, 4));
  });
});
