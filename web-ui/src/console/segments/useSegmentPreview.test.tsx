import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { SegmentRule } from '../../api/types';
import { AuthContext } from '../../auth/AuthContext';
import { fakeApi, fakeAuth } from '../../testing/renderWithAuth';
import { useSegmentPreview } from './useSegmentPreview';

const page = { content: [], page: 0, size: 10, totalElements: 3, totalPages: 1 };

function withApi(post: ReturnType<typeof vi.fn>) {
  const auth = fakeAuth({ api: fakeApi({ post }) });
  return ({ children }: { children: ReactNode }) => <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

describe('useSegmentPreview', () => {
  it('counts complete rules on the server and answers the count', async () => {
    const post = vi.fn().mockResolvedValue(page);
    const rules: SegmentRule[] = [{ type: 'TAG', values: ['新能源意向'] }];
    const { result } = renderHook(() => useSegmentPreview('/api/stores/gz_tianhe/segments', rules, 0, 10, 0), { wrapper: withApi(post) });
    await waitFor(() => expect(result.current.preview?.totalElements).toBe(3));
    expect(result.current.ready).toBe(true);
    expect(post).toHaveBeenCalledWith('/api/stores/gz_tianhe/segments/preview?page=0&size=10&sort=name,asc', { rules });
  });

  it('sends nothing while a rule lacks what its type needs', async () => {
    const post = vi.fn().mockResolvedValue(page);
    const rules: SegmentRule[] = [{ type: 'CARD_LEVEL', values: [] }];
    const { result } = renderHook(() => useSegmentPreview('/api/stores/gz_tianhe/segments', rules, 0, 10, 0), { wrapper: withApi(post) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.ready).toBe(false);
    expect(post).not.toHaveBeenCalled();
  });

  it('shows a refusal of the rules instead of a count', async () => {
    const refusal = { status: 422, type: 'segment-rule-level-unknown' };
    const post = vi.fn().mockRejectedValue(refusal);
    const rules: SegmentRule[] = [{ type: 'CARD_LEVEL', values: ['platinum'] }];
    const { result } = renderHook(() => useSegmentPreview('/api/stores/gz_tianhe/segments', rules, 0, 10, 0), { wrapper: withApi(post) });
    await waitFor(() => expect(result.current.previewError).toBe(refusal));
    expect(result.current.preview).toBeUndefined();
  });
});
