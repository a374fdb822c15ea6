import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import type { Permission } from '../../api/types';
import i18n from '../../i18n';
import { button, queryButton } from '../../testing/buttons';
import { programme } from '../../testing/cards';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { CardProgrammePage } from './CardProgrammePage';

const PATH = '/api/stores/gz_tianhe/card-programme';
const MANAGER: Permission[] = ['CONSOLE_USE', 'CARD_VIEW', 'CARD_MANAGE', 'CARD_PROGRAMME_MANAGE'];
const STAFF: Permission[] = ['CONSOLE_USE', 'CARD_VIEW', 'CARD_MANAGE'];

function renderPage(api: ReturnType<typeof fakeApi>, permissions = MANAGER) {
  return renderWithAuth(
    <App>
      <CardProgrammePage />
    </App>,
    { auth: fakeAuth({ api }), path: '/console/gz_tianhe/cards', route: '/console/:store/cards', permissions },
  );
}

/** The input labelled `label` (aria-label), once the page shows it: faster than getByLabelText over the form. */
async function input(label: string): Promise<HTMLElement> {
  let found: HTMLElement | null = null;
  await waitFor(() => {
    found = document.querySelector<HTMLElement>(`[aria-label="${label}"]`);
    expect(found, label).not.toBeNull();
  });
  return found!;
}

/** The confirmation's OK button, once the confirmation is open. */
async function confirmSave() {
  let ok: HTMLElement | null = null;
  await waitFor(() => {
    const box = [...document.querySelectorAll<HTMLElement>('.ant-modal-confirm')].at(-1);
    expect(box?.textContent).toContain('保存会员卡等级？');
    ok = queryButton(/保\s*存/, box);
    expect(ok).not.toBeNull();
  });
  fireEvent.click(ok!);
}

describe('CardProgrammePage', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('refuses a threshold below the level before it, without sending', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(programme()) });
    renderPage(api);

    const gold = await input('第 3 级门槛');
    await waitFor(() => expect(gold).toHaveValue('8,000'));
    fireEvent.change(gold, { target: { value: '1500' } });
    fireEvent.click(button(/保\s*存/));

    expect(await screen.findByText('门槛须高于上一级（2,000）')).toBeInTheDocument();
    expect(document.querySelector('.ant-modal-confirm')).toBeNull();
    expect(api.put).not.toHaveBeenCalled();
  });

  it('saves the whole programme with the version it read, after a confirmation, and shows a server problem beside its field', async () => {
    const problem = new ApiError(422, {
      type: 'https://m4s.dev/problems/card-level-duplicate',
      detail: '等级代码 silver 重复',
      field: 'levels[2].code',
    }, 'zh-CN');
    const api = fakeApi({ get: vi.fn().mockResolvedValue(programme(3)), put: vi.fn().mockRejectedValue(problem) });
    renderPage(api);

    const benefits = await input('第 4 级权益');
    await waitFor(() => expect(benefits).toHaveValue('专属顾问，上门取送车'));
    fireEvent.change(await input('第 3 级代码'), { target: { value: 'silver' } });
    fireEvent.click(button(/保\s*存/));
    await confirmSave();

    await waitFor(() => expect(api.put).toHaveBeenCalledTimes(1));
    const [path, body, version] = api.put.mock.calls[0]!;
    expect(path).toBe(PATH);
    expect(version).toBe(3);
    expect(body).toEqual({
      basis: 'POINTS',
      windowMonths: 12,
      validityMonths: 12,
      levels: [
        { code: 'standard', name: '普卡', threshold: 0, benefits: '基础保养 9.5 折' },
        { code: 'silver', name: '银卡', threshold: 2000, benefits: '保养 9 折，免费洗车 4 次/年' },
        { code: 'silver', name: '金卡', threshold: 8000, benefits: '保养 8.5 折，免费代步车' },
        { code: 'diamond', name: '钻石卡', threshold: 20000, benefits: '专属顾问，上门取送车' },
      ],
    });
    expect(await screen.findByText('等级代码 silver 重复')).toBeInTheDocument();
  });

  it('is read-only for staff without CARD_PROGRAMME_MANAGE', async () => {
    const api = fakeApi({ get: vi.fn().mockResolvedValue(programme()) });
    renderPage(api, STAFF);

    const name = await input('第 1 级名称');
    await waitFor(() => expect(name).toHaveValue('普卡'));
    expect(name).toBeDisabled();
    expect(queryButton(/保\s*存/)).toBeNull();
    expect(queryButton('添加等级')).toBeNull();
    expect(screen.getByText('你可以查看会员卡等级；修改需要店长权限。')).toBeInTheDocument();
  });
});
