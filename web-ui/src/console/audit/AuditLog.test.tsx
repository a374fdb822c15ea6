import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Page } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { AuditLog } from './AuditLog';

// New Year's Eve 17:30 UTC: 23:30 in Urumqi (UTC+6), already 01:30 on New Year's Day in Shanghai (UTC+8)
const entry: AuditEntry = {
  id: 'a-1',
  occurredAt: '2026-12-31T17:30:00Z',
  actorSubject: 's-1',
  actorName: '李经理',
  actorRole: 'store-manager',
  action: 'UPDATE',
  entityType: 'Member',
  entityId: 'm-1',
  clientIp: null,
  changes: {},
};

function renderLog(zone: string, query = '') {
  const page: Page<AuditEntry> = { content: [entry], page: 0, size: 50, totalElements: 1, totalPages: 1 };
  const get = vi.fn().mockResolvedValue(page);
  renderWithAuth(<AuditLog />, {
    auth: fakeAuth({ api: fakeApi({ get }) }),
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

  it("shows when a change happened on the store's clock", async () => {
    renderLog('Asia/Urumqi');
    expect(await screen.findByText('2026年12月31日 23:30')).toBeInTheDocument();
  });

  it("asks for the store's whole days", async () => {
    const get = renderLog('Asia/Urumqi', '?from=2026-12-31&to=2026-12-31');
    expect(await screen.findByText('2026年12月31日 23:30')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(
      '/api/stores/kashi/audit',
      expect.objectContaining({ from: '2026-12-30T18:00:00.000Z', to: '2026-12-31T17:59:59.999Z' }),
      expect.anything(),
    );
  });
});
