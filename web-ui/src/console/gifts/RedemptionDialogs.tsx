import { Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/client';
import type { GiftCancellation, GiftDeskRedemption, GiftRedemptionView, GiftView, MemberSummary, PointsBalance } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { formatPoints } from '../../ui/points';
import { useLoad } from '../../ui/useLoad';
import { MemberPicker } from '../members/MemberPicker';
import { useCan } from '../permissions';
import { TwoStepDialog } from '../wallet/MemberWallet';

type Member = Pick<MemberSummary, 'id' | 'name' | 'phone'>;

interface RedeemForm {
  memberId: string;
  giftId: string;
  quantity: number;
}

/**
 * 为会员兑换: a listed gift for a member at the desk, paid with the member's points: the member (picked, or the one
 * given), the gift, how many; what it costs and, for who may read points, what the member has; confirmed first and
 * posted once with the dialog's Idempotency-Key.
 */
export function RedeemGiftDialog({ open, store, member: given, onClose, onDone }: { open: boolean; store: string; member?: Member; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const seesPoints = useCan('POINTS_VIEW');
  const [form] = Form.useForm<RedeemForm>();
  const [picked, setPicked] = useState<Member>();
  const member = given ?? picked;
  const giftId = Form.useWatch('giftId', form);
  const quantity = Form.useWatch('quantity', form) ?? 1;
  const base = `/api/stores/${store}`;
  const n = (value: number) => formatPoints(value, i18n.language);

  const gifts = useLoad<GiftView[]>(
    (signal) => (open ? api.get<Page<GiftView>>(`${base}/gifts`, { status: 'LISTED', size: 100, sort: 'name,asc' }, signal).then((p) => p.content) : Promise.resolve([])),
    [open, base],
  );
  const balance = useLoad<PointsBalance | undefined>(
    (signal) => (open && seesPoints && member ? api.get<PointsBalance>(`${base}/members/${member.id}/points`, undefined, signal) : Promise.resolve(undefined)),
    [open, base, seesPoints, member?.id],
  );
  const gift = gifts.data?.find((g) => g.id === giftId);
  const cost = gift ? gift.pointsPrice * quantity : undefined;
  const memberText = member ? `${member.name} ${member.phone}` : '';

  return (
    <TwoStepDialog<RedeemForm>
      open={open}
      title={t('gifts.redeem.title')}
      confirmOkText={t('gifts.redeem.confirmOk')}
      form={form}
      initialValues={{ memberId: given?.id, quantity: 1 }}
      confirmTitle={t('gifts.redeem.confirmTitle')}
      confirmText={(v) => t('gifts.redeem.confirmText', { member: memberText, quantity: n(v.quantity), gift: gift?.name ?? '', points: n(cost ?? 0) })}
      send={async (v, key) => {
        const body: GiftDeskRedemption = { memberId: v.memberId, giftId: v.giftId, quantity: v.quantity };
        const made = await api.post<GiftRedemptionView>(`${base}/gift-redemptions`, body, key);
        return t('gifts.redeem.done', { gift: made.giftName, points: n(made.points) });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      {given ? (
        <>
          <Form.Item name="memberId" hidden>
            <Input />
          </Form.Item>
          <Typography.Paragraph>{t('gifts.redeem.forMember', { member: memberText })}</Typography.Paragraph>
        </>
      ) : (
        <Form.Item name="memberId" label={t('gifts.redeem.member')} rules={[{ required: true, message: t('gifts.redeem.memberRequired') }]}>
          <MemberPicker onPick={setPicked} />
        </Form.Item>
      )}
      <Form.Item name="giftId" label={t('gifts.redeem.gift')} rules={[{ required: true, message: t('gifts.redeem.giftRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={gifts.loading}
          placeholder={t('gifts.redeem.giftPlaceholder')}
          notFoundContent={t('gifts.redeem.noGifts')}
          options={(gifts.data ?? []).map((g) => ({
            value: g.id,
            label: t('gifts.redeem.giftOption', { name: g.name, points: n(g.pointsPrice), stock: n(g.stock) }),
            disabled: g.stock <= 0,
          }))}
        />
      </Form.Item>
      <Form.Item name="quantity" label={t('gifts.redeem.quantity')} rules={[{ required: true, message: t('gifts.redeem.quantityRequired') }]}>
        <InputNumber min={1} max={Math.max(1, Math.min(99, gift?.stock ?? 99))} precision={0} style={{ width: 200 }} />
      </Form.Item>
      {cost !== undefined && (
        <Typography.Paragraph data-testid="gift-redeem-cost">
          {t('gifts.redeem.cost', { points: n(cost) })}
          {balance.data && ` ${t('gifts.redeem.available', { points: n(balance.data.available) })}`}
        </Typography.Paragraph>
      )}
    </TwoStepDialog>
  );
}

interface CancelForm {
  reason: string;
}

/** 取消兑换: a redemption not handed over undone with the reason, after a confirmation: the points and the gift go back. */
export function CancelRedemptionDialog({ store, redemption, onClose, onDone }: { store: string; redemption?: GiftRedemptionView; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [form] = Form.useForm<CancelForm>();
  const n = (value: number) => formatPoints(value, i18n.language);
  const what = redemption
    ? { member: `${redemption.memberName} ${redemption.memberPhone}`, quantity: n(redemption.quantity), gift: redemption.giftName, points: n(redemption.points) }
    : { member: '', quantity: '', gift: '', points: '' };
  return (
    <TwoStepDialog<CancelForm>
      open={redemption !== undefined}
      title={t('gifts.cancel.title')}
      confirmOkText={t('gifts.cancel.confirmOk')}
      danger
      form={form}
      hint={redemption && <Typography.Paragraph>{t('gifts.cancel.hint', what)}</Typography.Paragraph>}
      confirmTitle={t('gifts.cancel.confirmTitle')}
      confirmText={() => t('gifts.cancel.confirmText', what)}
      send={async (v) => {
        const body: GiftCancellation = { reason: v.reason.trim() };
        const after = await api.post<GiftRedemptionView>(`/api/stores/${store}/gift-redemptions/${redemption?.id}/cancellation`, body);
        return t('gifts.cancel.done', { points: n(after.points) });
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="reason" label={t('gifts.cancel.reason')} rules={[{ required: true, whitespace: true, message: t('gifts.cancel.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </TwoStepDialog>
  );
}
