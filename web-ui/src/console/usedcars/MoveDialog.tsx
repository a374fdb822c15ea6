import { App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsedCarDetails, UsedCarMove, UsedCarView } from '../../api/types';
import { isApiError } from '../../api/problem';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { applyProblem } from '../../antd/problemForm';
import { useAuth } from '../../auth/AuthContext';
import { carName, cleanedCar, detailsOf } from '../../ui/usedCar';
import { CarFields, priceRules, ThousandsInput } from './CarFields';

/** Moves that end the car's consignment or sell it: the user confirms once more before they are sent. */
export const CONFIRMED_MOVES: readonly UsedCarMove[] = ['REJECT', 'SELL', 'WITHDRAW', 'RELEASE'];

/** Moves sent without a form (confirmation only). */
export const FORMLESS_MOVES: readonly UsedCarMove[] = ['RELEASE'];

type Values = Partial<UsedCarDetails> & {
  askingPriceYuan?: number;
  conditionReport?: string;
  note?: string;
  soldPriceYuan?: number;
  reason?: string;
};

const optional = (text: string | undefined) => (text && text.trim() !== '' ? text.trim() : undefined);

/** The request of a move: method, path under the car, body. */
export function requestOf(move: UsedCarMove, values: Values): { method: 'post' | 'put'; path: string; body?: unknown } {
  switch (move) {
    case 'EDIT':
      return { method: 'put', path: '', body: cleanedCar(values as UsedCarDetails) };
    case 'APPROVE':
      return { method: 'post', path: '/approve', body: { askingPriceYuan: values.askingPriceYuan, conditionReport: values.conditionReport?.trim() } };
    case 'UPDATE_LISTING':
      return { method: 'put', path: '/listing', body: { askingPriceYuan: values.askingPriceYuan, conditionReport: values.conditionReport?.trim() } };
    case 'REQUEST_CHANGES':
      return { method: 'post', path: '/request-changes', body: { note: values.note?.trim() } };
    case 'REJECT':
      return { method: 'post', path: '/reject', body: { note: values.note?.trim() } };
    case 'RESERVE':
      return { method: 'post', path: '/reserve', body: { note: optional(values.note) } };
    case 'RELEASE':
      return { method: 'post', path: '/release' };
    case 'SELL':
      return { method: 'post', path: '/sell', body: { soldPriceYuan: values.soldPriceYuan ?? undefined } };
    case 'WITHDRAW':
      return { method: 'post', path: '/withdraw', body: { reason: optional(values.reason) } };
  }
}

function initialValues(move: UsedCarMove, car: UsedCarView): Values {
  switch (move) {
    case 'EDIT':
      // the photo field holds the photos as shown (PhotoField); cleanedCar sends their refs
      return { ...detailsOf(car), photos: car.photos } as unknown as Values;
    case 'APPROVE':
      return { askingPriceYuan: car.priceWishYuan, conditionReport: car.conditionReport ?? '' };
    case 'UPDATE_LISTING':
      return { askingPriceYuan: car.askingPriceYuan ?? car.priceWishYuan, conditionReport: car.conditionReport ?? '' };
    case 'SELL':
      return { soldPriceYuan: car.askingPriceYuan ?? undefined };
    default:
      return {};
  }
}

/** The inputs of one move. */
function MoveFields({ move }: { move: UsedCarMove }) {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t('validation.required') };
  const price = priceRules(t);
  switch (move) {
    case 'EDIT':
      return <CarFields />;
    case 'APPROVE':
    case 'UPDATE_LISTING':
      return (
        <>
          <Form.Item
            name="askingPriceYuan"
            label={t('usedCars.fields.askingPriceYuan')}
            extra={move === 'APPROVE' ? t('usedCars.askingPriceHint') : undefined}
            rules={[{ required: true, message: t('validation.required') }, ...price]}
          >
            <ThousandsInput />
          </Form.Item>
          <Form.Item
            name="conditionReport"
            label={t('usedCars.fields.conditionReport')}
            extra={t('usedCars.conditionReportHint')}
            rules={[required, { max: 4000, message: t('validation.max', { max: 4000 }) }]}
          >
            <Input.TextArea rows={6} showCount maxLength={4000} />
          </Form.Item>
        </>
      );
    case 'REQUEST_CHANGES':
    case 'REJECT':
      return (
        <Form.Item
          name="note"
          label={t('usedCars.fields.note')}
          extra={t('usedCars.noteHint')}
          rules={[required, { max: 1000, message: t('validation.max', { max: 1000 }) }]}
        >
          <Input.TextArea rows={4} showCount maxLength={1000} />
        </Form.Item>
      );
    case 'RESERVE':
      return (
        <Form.Item
          name="note"
          label={t('usedCars.fields.reservedNote')}
          extra={t('usedCars.reservationHint')}
          rules={[{ max: 500, message: t('validation.max', { max: 500 }) }]}
        >
          <Input.TextArea rows={3} showCount maxLength={500} />
        </Form.Item>
      );
    case 'SELL':
      return (
        <Form.Item name="soldPriceYuan" label={t('usedCars.fields.soldPriceYuan')} extra={t('usedCars.soldPriceHint')} rules={price}>
          <ThousandsInput />
        </Form.Item>
      );
    case 'WITHDRAW':
      return (
        <Form.Item name="reason" label={t('usedCars.fields.reason')} rules={[{ max: 1000, message: t('validation.max', { max: 1000 }) }]}>
          <Input.TextArea rows={3} showCount maxLength={1000} />
        </Form.Item>
      );
    case 'RELEASE':
      return null;
  }
}

/**
 * Sends a move of the consignment workflow. Final moves ask for confirmation first. A move the car's status no
 * longer allows (409 illegal-transition) or that collided with another change (409 concurrent-update) closes the
 * dialog and goes to `onConflict`, which reloads the car; other problems stay in the dialog, field errors beside
 * their inputs.
 */
export function useMove(path: string, car: UsedCarView | undefined, handlers: { onDone: (move: UsedCarMove) => void; onConflict: (error: unknown) => void }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { modal, message } = App.useApp();

  return async (move: UsedCarMove, values: Values, form?: ReturnType<typeof Form.useForm<Values>>[0]): Promise<unknown> => {
    const send = async () => {
      const request = requestOf(move, values);
      try {
        if (request.method === 'put') await api.put(`${path}${request.path}`, request.body, car?.version);
        else await api.post(`${path}${request.path}`, request.body);
        message.success(t(`usedCars.done.${move}`));
        handlers.onDone(move);
        return undefined;
      } catch (e) {
        if (isApiError(e) && e.status === 409) {
          handlers.onConflict(e);
          return undefined;
        }
        if (form) applyProblem(form, e);
        return e ?? new Error('failed');
      }
    };
    if (!CONFIRMED_MOVES.includes(move) || !car) return send();
    return new Promise<unknown>((resolve) => {
      modal.confirm({
        title: t(`usedCars.confirm.${move as 'REJECT' | 'SELL' | 'WITHDRAW' | 'RELEASE'}`, { car: carName(car) }),
        okText: t(`usedCars.moves.${move}`),
        cancelText: t('common.cancel'),
        okButtonProps: { danger: move !== 'RELEASE' },
        onOk: async () => resolve(await send()),
        onCancel: () => resolve(undefined),
      });
    });
  };
}

/** The dialog of one move with its inputs; `onSend` answers the error to show, if any. */
export function MoveDialog({
  move,
  car,
  onSend,
  onClose,
}: {
  move: UsedCarMove | undefined;
  car: UsedCarView;
  onSend: (move: UsedCarMove, values: Values, form: ReturnType<typeof Form.useForm<Values>>[0]) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const open = move !== undefined && !FORMLESS_MOVES.includes(move);
  // while the dialog fades out after a move it keeps that move's title and inputs
  const [lastMove, setLastMove] = useState<UsedCarMove>();
  useEffect(() => {
    if (move) setLastMove(move);
  }, [move]);
  const shown = move ?? lastMove;

  useEffect(() => {
    if (!open || !move) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(initialValues(move, car));
    // the car's values when the dialog opens, not on every reload behind it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, move, form]);

  const submit = async (values: Values) => {
    if (!move) return;
    setSaving(true);
    setError(undefined);
    try {
      setError(await onSend(move, values, form));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={shown ? `${t(`usedCars.moves.${shown}`)} · ${carName(car)}` : undefined}
      okText={shown ? t(`usedCars.moves.${shown}`) : undefined}
      okButtonProps={{ danger: shown === 'REJECT' || shown === 'WITHDRAW' }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={shown === 'EDIT' ? 880 : 560}
      forceRender
    >
      <ProblemAlert error={error} fieldsInForm />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {shown && <MoveFields move={shown} />}
      </Form>
    </Modal>
  );
}
