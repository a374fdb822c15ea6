import { Alert, Button, Card, Col, Descriptions, Empty, Image, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { MemberView, UsedCarMove, UsedCarStatus, UsedCarView } from '../../api/types';
import { PageHeader } from '../../antd/PageHeader';
import { ProblemAlert } from '../../antd/ProblemAlert';
import { useAuth } from '../../auth/AuthContext';
import { useCan } from '../permissions';
import { useFormatTime } from '../../ui/storeZone';
import { useLoad } from '../../ui/useLoad';
import { carName, formatKm, formatYuan, MOVES, ON_MARKET_STATUSES } from '../../ui/usedCar';
import { FORMLESS_MOVES, MoveDialog, useMove } from './MoveDialog';
import { StatusTag } from './StatusTag';

const PRIMARY: readonly UsedCarMove[] = ['APPROVE', 'UPDATE_LISTING', 'SELL'];
const DANGER: readonly UsedCarMove[] = ['REJECT', 'WITHDRAW'];

/**
 * The moves the page offers for a car in `status`: those the server allows (`allowedMoves`, in MOVES order), except
 * that the store withdraws (撤回下架) only a car on the market. Before it is listed the store refuses a car with
 * 拒绝寄售, which tells the owner why; withdrawing a car still in review is the owner's own choice, in the owner app.
 */
export function offeredMoves(allowed: readonly UsedCarMove[], status: UsedCarStatus): UsedCarMove[] {
  const onMarket = (ON_MARKET_STATUSES as readonly UsedCarStatus[]).includes(status);
  return MOVES.filter((m) => allowed.includes(m) && (m !== 'WITHDRAW' || onMarket));
}

/** Text as the person wrote it, line breaks kept. */
function Prose({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph>;
}

/** Who offers the car: the member's name and phone, linked to their record. */
function Seller({ store, memberId }: { store: string; memberId: string }) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const member = useLoad((signal) => api.get<MemberView>(`/api/stores/${store}/members/${memberId}`, undefined, signal), [store, memberId]);
  const name = member.data?.profile.name;
  return (
    <Card title={t('usedCars.sections.seller')} size="small" style={{ marginBottom: 16 }}>
      {member.loading && !member.data ? (
        <Spin size="small" />
      ) : (
        <Space orientation="vertical" size={2}>
          <Link to={`/console/${store}/members/${memberId}`} data-testid="used-car-seller">
            {name ?? t('usedCars.sellerUnknown', { id: memberId })}
          </Link>
          {member.data && <Typography.Text type="secondary">{member.data.profile.phone}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}

/** One consigned car: the owner's description and photos, the review and listing, and the moves allowed now. */
export function UsedCarDetail() {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const { store = '', usedCarId = '' } = useParams();
  const { api } = useAuth();
  const location = useLocation();
  const fromQueue = (location.state as { from?: string } | null)?.from === 'queue';
  const path = `/api/stores/${store}/used-cars/${usedCarId}`;
  const car = useLoad((signal) => api.get<UsedCarView>(path, undefined, signal), [path]);
  const [move, setMove] = useState<UsedCarMove>();
  const [pageError, setPageError] = useState<unknown>();
  const manages = useCan('USED_CAR_MANAGE');
  const send = useMove(path, car.data, {
    onDone: () => {
      setMove(undefined);
      setPageError(undefined);
      car.reload();
    },
    onConflict: (error) => {
      setMove(undefined);
      setPageError(error);
      car.reload();
    },
  });

  if (car.loading && !car.data) return <Spin />;
  if (!car.data) return <ProblemAlert error={car.error} onRetry={car.reload} />;
  const c = car.data;
  const moves = manages ? offeredMoves(c.allowedMoves, c.status) : [];
  const language = i18n.language;
  const list = `/console/${store}/${fromQueue ? 'used-car-queue' : 'used-cars'}`;

  const start = (m: UsedCarMove) => {
    setPageError(undefined);
    if (FORMLESS_MOVES.includes(m)) void send(m, {});
    else setMove(m);
  };

  return (
    <>
      <PageHeader
        title={carName(c)}
        back={list}
        breadcrumb={[
          { title: t('console.menu.dashboard'), to: `/console/${store}` },
          { title: t(fromQueue ? 'console.menu.usedCarQueue' : 'console.menu.usedCars'), to: list },
          { title: carName(c) },
        ]}
        tags={
          <>
            <StatusTag status={c.status} />
            <Tag>{t('usedCars.revisionN', { n: c.revision })}</Tag>
          </>
        }
        extra={
          moves.length > 0 && (
            <Space wrap data-testid="used-car-moves">
              {moves.map((m) => (
                <Button key={m} type={PRIMARY.includes(m) ? 'primary' : 'default'} danger={DANGER.includes(m)} onClick={() => start(m)}>
                  {t(`usedCars.moves.${m}`)}
                </Button>
              ))}
            </Space>
          )
        }
      />
      <div style={{ marginTop: 16 }}>
        <ProblemAlert error={pageError} />
        {c.status === 'CHANGES_REQUESTED' && c.reviewNote && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('usedCars.fields.reviewNote')} description={<Prose text={c.reviewNote} />} />
        )}
        {c.status === 'REJECTED' && c.reviewNote && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('usedCars.fields.reviewNote')} description={<Prose text={c.reviewNote} />} />
        )}
      </div>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('usedCars.sections.description')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
              <Descriptions.Item label={t('usedCars.fields.make')}>{c.make}</Descriptions.Item>
              <Descriptions.Item label={t('usedCars.fields.model')}>{c.model}</Descriptions.Item>
              <Descriptions.Item label={t('usedCars.fields.year')}>{c.year}</Descriptions.Item>
              <Descriptions.Item label={t('usedCars.fields.mileageKm')}>{formatKm(t, c.mileageKm, language)}</Descriptions.Item>
              <Descriptions.Item label={t('usedCars.fields.city')}>{c.city}</Descriptions.Item>
              <Descriptions.Item label={t('usedCars.fields.colour')}>{c.colour}</Descriptions.Item>
              <Descriptions.Item label={t('usedCars.fields.gearbox')}>{t(`usedCars.gearboxes.${c.gearbox}`)}</Descriptions.Item>
              <Descriptions.Item label={t('usedCars.fields.emissionStandard')}>
                {t(`usedCars.emissionStandards.${c.emissionStandard}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('usedCars.fields.priceWishYuan')} span={{ xs: 1, sm: 2 }}>
                <Typography.Text strong data-testid="price-wish">
                  {formatYuan(c.priceWishYuan, language)}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('usedCars.sections.conditionNotes')}
            </Typography.Title>
            {c.conditionNotes ? <Prose text={c.conditionNotes} /> : <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>}
          </Card>
          <Card title={t('usedCars.sections.photos')} style={{ marginBottom: 16 }}>
            {c.photos.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('usedCars.noPhotos')} />
            ) : (
              <Image.PreviewGroup>
                <Space wrap size={8}>
                  {c.photos.map((photo, index) => (
                    <Image
                      key={`${index}-${photo.ref}`}
                      src={photo.url}
                      preview={{ src: photo.largeUrl }}
                      alt={t('usedCars.photoAlt', { n: index + 1 })}
                      width={144}
                      height={108}
                      styles={{ image: { objectFit: 'cover', borderRadius: 6 } }}
                      referrerPolicy="no-referrer"
                    />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('usedCars.sections.review')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('usedCars.fields.status')}>
                <StatusTag status={c.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('usedCars.fields.revision')}>{c.revision}</Descriptions.Item>
              <Descriptions.Item label={t('usedCars.fields.submittedAt')}>{formatTime(c.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('usedCars.fields.submittedBy')}>{c.submittedBy}</Descriptions.Item>
              {c.reviewNote && (
                <Descriptions.Item label={t('usedCars.fields.reviewNote')}>
                  <Prose text={c.reviewNote} />
                </Descriptions.Item>
              )}
              {c.reviewedBy && <Descriptions.Item label={t('usedCars.fields.reviewedBy')}>{c.reviewedBy}</Descriptions.Item>}
              {c.askingPriceYuan != null && (
                <Descriptions.Item label={t('usedCars.fields.askingPriceYuan')}>
                  <Typography.Text strong data-testid="asking-price">
                    {formatYuan(c.askingPriceYuan, language)}
                  </Typography.Text>
                </Descriptions.Item>
              )}
              {c.listedAt && <Descriptions.Item label={t('usedCars.fields.listedAt')}>{formatTime(c.listedAt)}</Descriptions.Item>}
              {c.reservedNote && (
                <Descriptions.Item label={t('usedCars.fields.reservedNote')}>
                  <Prose text={c.reservedNote} />
                </Descriptions.Item>
              )}
              {c.soldPriceYuan != null && (
                <Descriptions.Item label={t('usedCars.fields.soldPriceYuan')}>{formatYuan(c.soldPriceYuan, language)}</Descriptions.Item>
              )}
              {c.closedAt && <Descriptions.Item label={t('usedCars.fields.closedAt')}>{formatTime(c.closedAt)}</Descriptions.Item>}
              <Descriptions.Item label={t('common.updatedAt')}>{formatTime(c.updatedAt)}</Descriptions.Item>
            </Descriptions>
            {c.conditionReport && (
              <>
                <Typography.Title level={5}>{t('usedCars.fields.conditionReport')}</Typography.Title>
                <Prose text={c.conditionReport} />
              </>
            )}
            {c.allowedMoves.length === 0 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {t('usedCars.nothingToDo')}
              </Typography.Paragraph>
            )}
          </Card>
          <Seller store={store} memberId={c.memberId} />
        </Col>
      </Row>
      <MoveDialog move={move} car={c} onSend={send} onClose={() => setMove(undefined)} />
    </>
  );
}
