import { Alert, App, Form, Modal, Radio } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouponIssueResult, CouponTemplateView } from '../../api/types';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { MemberPicker } from '../members/MemberPicker';
import { SegmentPicker } from '../segments/SegmentPicker';

/**
 * Issue coupons of an active template (发放): to one member found by name, phone or plate, or to the members a
 * segment matches now; confirmed first, posted with one Idempotency-Key per opening (a repeat is the same batch
 * and issues nobody twice); the answer says how many were issued and why the others were not.
 */
export function CouponIssueDialog({ store, template, onClose, onIssued }: { store: string; template: CouponTemplateView; onClose: () => void; onIssued: (result: CouponIssueResult) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { message } = App.useApp();
  const [target, setTarget] = useState<'member' | 'segment'>('member');
  const [memberId, setMemberId] = useState<string>();
  const [segmentId, setSegmentId] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<CouponIssueResult>();
  const key = useRef(crypto.randomUUID());
  const chosen = target === 'member' ? memberId : segmentId;

  const send = async () => {
    setSending(true);
    setError(undefined);
    try {
      const body = target === 'member' ? { memberId } : { segmentId };
      const done = await api.post<CouponIssueResult>(`/api/stores/${store}/coupon-templates/${template.id}/issues`, body, key.current);
      setResult(done);
      message.success(t('coupons.issue.done', { issued: done.issued }));
      onIssued(done);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
      setConfirming(false);
    }
  };

  return (
    <Modal
      open
      title={t('coupons.issue.title', { name: template.name })}
      okText={result ? t('common.close') : confirming ? t('coupons.issue.confirm') : t('coupons.issue.next')}
      okButtonProps={{ disabled: !result && !chosen, loading: sending }}
      cancelText={confirming ? t('coupons.issue.back') : t('common.cancel')}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      onOk={() => (result ? onClose() : confirming ? void send() : setConfirming(true))}
      onCancel={() => (confirming ? setConfirming(false) : onClose())}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      {result ? (
        <Alert
          type="success"
          showIcon
          title={t('coupons.issue.resultText', {
            targeted: result.targeted,
            issued: result.issued,
            already: result.alreadyIssued,
            overLimit: result.overLimit,
            outOfStock: result.outOfStock,
          })}
        />
      ) : confirming ? (
        <p>{target === 'member' ? t('coupons.issue.confirmMember', { name: template.name }) : t('coupons.issue.confirmSegment', { name: template.name })}</p>
      ) : (
        <Form layout="vertical">
          <Form.Item label={t('coupons.issue.target')}>
            <Radio.Group value={target} onChange={(e) => setTarget(e.target.value as 'member' | 'segment')}>
              <Radio value="member">{t('coupons.issue.toMember')}</Radio>
              <Radio value="segment">{t('coupons.issue.toSegment')}</Radio>
            </Radio.Group>
          </Form.Item>
          {target === 'member' ? (
            <Form.Item label={t('coupons.issue.member')}>
              <MemberPicker value={memberId} onChange={setMemberId} />
            </Form.Item>
          ) : (
            <Form.Item label={t('coupons.issue.segment')}>
              <SegmentPicker store={store} value={segmentId} onChange={setSegmentId} label={t('coupons.issue.segment')} width={320} />
            </Form.Item>
          )}
          <p>{t('coupons.issue.stockLeft', { remaining: template.remaining ?? t('coupons.unlimited'), limit: template.perMemberLimit })}</p>
        </Form>
      )}
    </Modal>
  );
}

