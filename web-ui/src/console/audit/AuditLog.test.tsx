import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Page } from '../../api/client';
import type { AuditActor, AuditEntry } from '../../api/types';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { AuditLog } from './AuditLog';

// New Year's Eve 17:30:05 UTC: 23:30:05 in Urumqi (UTC+6), already 01:30:05 on New Year's Day in Shanghai (UTC+8)
const entry: AuditEntry = {
  id: 'a-1',
  occurredAt: '2026-12-31T17:30:05.123456789Z',
  actorSubject: 's-1',
  actorName: 'manager.kashi',
  actorDisplayName: '李经理',
  actorRole: 'store-manager',
  action: 'UPDATE',
  entityType: 'member',
  entityId: '6f1c1f4e-2b1a-4f0e-9a7e-0d6c3c1b9a01',
  entityLabel: '王建国',
  clientIp: null,
  changes: { name: { before: '王健国', after: '王建国' } },
  linkedNames: {},
};
const provisioning: AuditEntry = {
  ...entry,
  id: 'a-2',
  actorSubject: 'system',
  actorName: 'system',
  actorDisplayName: null,
  actorRole: 'system',
  action: 'CREATE',
  entityType: 'staffMember',
  entityId: '0b7d9d2c-1111-4c4c-8888-123456789abc',
  entityLabel: null,
};
const actors: AuditActor[] = [{ subject: 's-1', name: 'manager.kashi', displayName: '李经理', role: 'store-manager', entries: 3, lastAt: entry.occurredAt }];

function renderLog(zone: string, query = '', download = vi.fn()) {
  const page: Page<AuditEntry> = { content: [entry, provisioning], page: 0, size: 50, totalElements: 2, totalPages: 1 };
  const get = vi.fn((path: string) => Promise.resolve(path.endsWith('/actors') ? actors : page)) as unknown as ReturnType<typeof vi.fn> & (<T>(path: string) => Promise<T>);
  renderWithAuth(<AuditLog />, {
    auth: fakeAuth({ api: fakeApi({ get, download }) }),
    path: `/console/kashi/audit${query}`,
    route: '/console/:store/audit',
    zone,
  });
  return get;
}

describe('AuditLog', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it("shows when a change happened on the store's clock, to the second", async () => {
    renderLog('Asia/Urumqi');
    expect(await screen.findAllByText('2026年12月31日 23:30:05')).toHaveLength(2);
  });

  it('names who changed what in Chinese, and the platform as 系统', async () => {
    renderLog('Asia/Urumqi');
    expect(await screen.findByText('李经理（店长）')).toBeInTheDocument();
    expect(screen.getByText('会员：王建国')).toBeInTheDocument();
    expect(screen.getByText('系统')).toBeInTheDocument();
    // an object the store has no name for shows its whole id
    expect(screen.getByText(provisioning.entityId)).toBeInTheDocument();
    expect(screen.queryByText(/store-manager|system \(system\)/)).toBeNull();
  });

  it("asks for the store's whole days", async () => {
    const get = renderLog('Asia/Urumqi', '?from=2026-12-31&to=2026-12-31');
    expect(await screen.findByText('李经理（店长）')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(
      '/api/stores/kashi/audit',
      expect.objectContaining({ from: '2026-12-30T18:00:00.000Z', to: '2026-12-31T17:59:59.999Z' }),
      expect.anything(),
    );
    // the range picker shows the days of the link: start and end
    expect(screen.getAllByDisplayValue('2026-12-31')).toHaveLength(2);
  });

  it('exports to Excel exactly the filters of the rows shown: the kind of object, the actor and the whole days', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const download = vi.fn().mockResolvedValue({ blob: new Blob(['xlsx']), fileName: '操作日志_2026-12-31.xlsx' });
    renderLog('Asia/Urumqi', '?entityType=member&actor=s-1&from=2026-12-31&to=2026-12-31&page=2', download);
    // the actor picker names the chosen actor too
    expect(await screen.findByText('会员：王建国')).toBeInTheDocument();

    fireEvent.click(screen.getByText('导出 Excel'));

    await waitFor(() =>
      expect(download).toHaveBeenCalledWith(
        '/api/stores/kashi/audit/export',
        { entityType: 'member', actor: 's-1', action: '', from: '2026-12-30T18:00:00.000Z', to: '2026-12-31T17:59:59.999Z', sort: 'occurredAt,desc' },
        expect.stringContaining('spreadsheetml'),
      ),
    );
  });

  it('says what the log will hold when nothing was changed yet', async () => {
    const get = vi.fn((path: string) => Promise.resolve(path.endsWith('/actors') ? [] : { content: [], page: 0, size: 50, totalElements: 0, totalPages: 0 })) as never;
    renderWithAuth(<AuditLog />, { auth: fakeAuth({ api: fakeApi({ get }) }), path: '/console/kashi/audit', route: '/console/:store/audit' });
    expect(await screen.findByText('还没有操作记录：会员、车辆、二手车和员工的新建、修改和删除都会记录在这里。')).toBeInTheDocument();
  });
});
