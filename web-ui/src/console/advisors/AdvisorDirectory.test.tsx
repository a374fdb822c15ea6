import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdvisorEntry, Permission } from '../../api/types';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { AdvisorDirectory } from './AdvisorDirectory';

const advisor = (username: string, displayName: string, department: string, customers: number): AdvisorEntry => ({
  username,
  displayName,
  department,
  enabled: true,
  phone: '020-88886666',
  dmsName: null,
  photoId: null,
  photoUrl: null,
  active: true,
  customers,
  version: 0,
});
const directory = [advisor('zhou.haitao', '周海涛', 'service', 12), advisor('wu.li', '吴莉', 'sales', 0)];

describe('AdvisorDirectory', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('lists the advisors and moves a whole book to another advisor after a confirmation', async () => {
    const api = fakeApi({
      get: vi.fn().mockResolvedValue(directory),
      post: vi.fn().mockResolvedValue({ from: 'zhou.haitao', to: 'wu.li', moved: ['m1', 'm2'] }),
    });
    renderWithAuth(<AdvisorDirectory />, {
      auth: fakeAuth({ api }),
      path: '/console/gz_tianhe/advisors',
      route: '/console/:store/*',
      permissions: ['CONSOLE_USE', 'ADVISOR_VIEW', 'ADVISOR_MANAGE'] satisfies Permission[],
    });
    const zhou = (await screen.findByText('周海涛')).closest('tr')!;
    expect(within(zhou).getByText('售后')).toBeInTheDocument();
    expect(within(zhou).getByText('12')).toBeInTheDocument();

    fireEvent.click(within(zhou).getByText('转移客户'));
    fireEvent.mouseDown(await screen.findByLabelText('转给顾问'));
    fireEvent.click(await screen.findByTitle('吴莉'));
    expect(await screen.findByText(/将 周海涛 的全部 12 位客户转给 吴莉/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('确认转移'));
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/stores/gz_tianhe/advisors/moves', { from: 'zhou.haitao', to: 'wu.li' }));
  });

  it('offers no move to staff who may only read the directory', async () => {
    renderWithAuth(<AdvisorDirectory />, {
      auth: fakeAuth({ api: fakeApi({ get: vi.fn().mockResolvedValue(directory) }) }),
      path: '/console/gz_tianhe/advisors',
      route: '/console/:store/*',
      permissions: ['CONSOLE_USE', 'ADVISOR_VIEW'] satisfies Permission[],
    });
    expect(await screen.findByText('周海涛')).toBeInTheDocument();
    expect(screen.queryByText('转移客户')).not.toBeInTheDocument();
  });
});
