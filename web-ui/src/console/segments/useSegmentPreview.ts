import { useEffect, useState } from 'react';
import type { Page } from '../../api/client';
import type { SegmentMemberView, SegmentRule } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { isComplete } from './RuleEditor';

/** How long the editor waits after the last change of a rule before it counts again. */
export const PREVIEW_DELAY_MS = 400;

/**
 * The segment editor's live count and preview: the rules as they are in the editor (saved or not), counted by the
 * server (`POST <base>/preview`) a moment after the last change, a page of the matching members with it. Rules that
 * lack what their type needs are not sent (`ready` false); an answer that arrives after a newer change is dropped.
 */
export function useSegmentPreview(base: string, rules: SegmentRule[], page: number, size: number, delayMs = PREVIEW_DELAY_MS) {
  const { api } = useAuth();
  const [preview, setPreview] = useState<Page<SegmentMemberView>>();
  const [previewError, setPreviewError] = useState<unknown>();
  const [counting, setCounting] = useState(false);
  const ready = rules.length > 0 && rules.every(isComplete);

  useEffect(() => {
    if (!ready) {
      setPreview(undefined);
      setPreviewError(undefined);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setCounting(true);
      api
        .post<Page<SegmentMemberView>>(`${base}/preview?page=${page}&size=${size}&sort=name,asc`, { rules })
        .then(
          (result) => {
            if (controller.signal.aborted) return;
            setPreview(result);
            setPreviewError(undefined);
          },
          (e: unknown) => {
            if (controller.signal.aborted) return;
            setPreview(undefined);
            setPreviewError(e);
          },
        )
        .finally(() => {
          if (!controller.signal.aborted) setCounting(false);
        });
    }, delayMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, base, rules, page, size, delayMs, ready]);

  return { ready, preview, previewError, counting };
}
