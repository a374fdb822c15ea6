import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AntdRoot } from '../antd/AntdRoot';
import { ProblemAlert } from '../antd/ProblemAlert';
import { AuthProvider } from '../auth/AuthProvider';
import { AreaGate } from '../ui/AreaGate';
import { CardProgrammePage } from './cards/CardProgrammePage';
import { ConsoleLayout } from './ConsoleLayout';
import { Dashboard } from './dashboard/Dashboard';
import { AuditLog } from './audit/AuditLog';
import { DmsCredential } from './dmscredential/DmsCredential';
import { DmsImport } from './imports/DmsImport';
import { MessageLog } from './messages/MessageLog';
import { MemberCreate } from './members/MemberCreate';
import { MemberEdit } from './members/MemberEdit';
import { MemberList } from './members/MemberList';
import { CONSOLE_ROLES } from './pages';
import { PointsRules } from './points/PointsRules';
import { PointTaskList } from './pointtasks/PointTaskList';
import { PointCampaignList } from './pointcampaigns/PointCampaignList';
import { PointTransferList } from './pointtransfers/PointTransferList';
import { WalletCashOutList } from './wallet/WalletCashOutList';
import { CouponTemplateList } from './coupons/CouponTemplateList';
import { GiftList } from './gifts/GiftList';
import { GiftRedemptionList } from './gifts/GiftRedemptionList';
import { GiftDistributionList } from './gifts/GiftDistributionList';
import { GiftStatistics } from './gifts/GiftStatistics';
import { MallOrderList } from './mall/MallOrderList';
import { PartOrderList } from './partorders/PartOrderList';
import { StockAlertList } from './mall/StockAlertList';
import { ProductCategories } from './mall/ProductCategories';
import { ProductList } from './mall/ProductList';
import { PaymentList } from './payments/PaymentList';
import { RepairOrderDetail } from './repairorders/RepairOrderDetail';
import { RepairOrderList } from './repairorders/RepairOrderList';
import { AdvisorAnnouncementList } from './advisors/AdvisorAnnouncementList';
import { AdvisorDirectory } from './advisors/AdvisorDirectory';
import { AdvisorMoves } from './advisors/AdvisorMoves';
import { AdvisorPerformance } from './advisors/AdvisorPerformance';
import { SegmentEditor } from './segments/SegmentEditor';
import { SegmentList } from './segments/SegmentList';
import { MyAnnouncements } from './advisors/MyAnnouncements';
import { StaffList } from './staff/StaffList';
import { UsedCarDetail } from './usedcars/UsedCarDetail';
import { ReviewQueue, UsedCarList } from './usedcars/UsedCarList';
import { UsedCarMarket } from './usedcars/UsedCarMarket';
import { UsedCarSubmit } from './usedcars/UsedCarSubmit';
import { useConsoleStores } from './useStores';

/** /console: first store the user may open. */
function FirstStore() {
  const { t } = useTranslation();
  const stores = useConsoleStores();
  if (stores.loading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (stores.error) return <ProblemAlert error={stores.error} onRetry={stores.reload} />;
  const first = stores.data?.[0];
  if (!first) return <Result status="info" title={t('console.noStores')} />;
  return <Navigate to={`/console/${first.code}`} replace />;
}

/** The store console (/console/*), loaded on demand with Ant Design. */
export default function ConsoleArea() {
  const { t } = useTranslation();
  return (
    <AntdRoot>
      <AuthProvider area="console">
        <AreaGate title={t('entries.console.title')} roles={CONSOLE_ROLES}>
          <Routes>
            <Route index element={<FirstStore />} />
            <Route path="callback" element={<Spin />} />
            <Route path="popup-callback" element={<Spin />} />
            <Route path=":store" element={<ConsoleLayout />}>
              <Route index element={<Dashboard />} />
              <Route path="members" element={<MemberList />} />
              <Route path="members/new" element={<MemberCreate />} />
              <Route path="members/:memberId" element={<MemberEdit />} />
              <Route path="segments" element={<SegmentList />} />
              <Route path="segments/new" element={<SegmentEditor />} />
              <Route path="segments/:segmentId" element={<SegmentEditor />} />
              <Route path="cards" element={<CardProgrammePage />} />
              <Route path="used-car-queue" element={<ReviewQueue />} />
              <Route path="used-cars" element={<UsedCarList />} />
              <Route path="used-cars/new" element={<UsedCarSubmit />} />
              <Route path="used-cars/:usedCarId" element={<UsedCarDetail />} />
              <Route path="used-car-market" element={<UsedCarMarket />} />
              <Route path="repair-orders" element={<RepairOrderList />} />
              <Route path="advisor-performance" element={<AdvisorPerformance />} />
              <Route path="advisor-moves" element={<AdvisorMoves />} />
              <Route path="advisors" element={<AdvisorDirectory />} />
              <Route path="advisor-announcements" element={<AdvisorAnnouncementList />} />
              <Route path="my-announcements" element={<MyAnnouncements />} />
              <Route path="repair-orders/:repairOrderId" element={<RepairOrderDetail />} />
              <Route path="repair-order-imports" element={<DmsImport />} />
              <Route path="dms-credential" element={<DmsCredential />} />
              <Route path="points-rules" element={<PointsRules />} />
              <Route path="point-tasks" element={<PointTaskList />} />
              <Route path="point-campaigns" element={<PointCampaignList />} />
              <Route path="point-transfers" element={<PointTransferList />} />
              <Route path="wallet-cash-outs" element={<WalletCashOutList />} />
              <Route path="coupons" element={<CouponTemplateList />} />
              <Route path="gifts" element={<GiftList />} />
              <Route path="gift-redemptions" element={<GiftRedemptionList />} />
              <Route path="gift-distributions" element={<GiftDistributionList />} />
              <Route path="gift-statistics" element={<GiftStatistics />} />
              <Route path="products" element={<ProductList />} />
              <Route path="product-categories" element={<ProductCategories />} />
              <Route path="mall-orders" element={<MallOrderList />} />
              <Route path="part-orders" element={<PartOrderList />} />
              <Route path="part-orders/:partOrderId" element={<PartOrderList />} />
              <Route path="stock-alerts" element={<StockAlertList />} />
              <Route path="payments" element={<PaymentList />} />
              <Route path="staff" element={<StaffList />} />
              <Route path="audit" element={<AuditLog />} />
              <Route path="messages" element={<MessageLog />} />
              <Route path="*" element={<Result status="404" title={t('notFound.title')} />} />
            </Route>
          </Routes>
        </AreaGate>
      </AuthProvider>
    </AntdRoot>
  );
}
