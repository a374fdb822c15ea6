/*
 * Names for the schemas of the services' OpenAPI documents. The types come from src/api/generated/*.ts, which
 * `npm run generate:api` writes from openapi/*.json (committed snapshots, checked against the running services by
 * OpenApiSnapshotTest in tenant-admin and store-console). The generator treats every property as present; the
 * documents do not say which ones the services leave out or send as null (their `@Nullable` fields), so those are
 * named here.
 */
import type { components as Admin } from './generated/tenant-admin';
import type { components as Console, operations as ConsoleOperations } from './generated/store-console';

type AdminSchemas = Admin['schemas'];
type ConsoleSchemas = Console['schemas'];

/** T with the properties K optional and nullable. */
type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]?: T[P] | null };

export type GroupView = AdminSchemas['GroupView'];
export type StoreView = Nullable<AdminSchemas['StoreView'], 'failureReason' | 'provisionedAt' | 'address' | 'phone'>;
/* A dealer group's subscription as the group console shows it (decision 0047). */
export type BillingView = Nullable<
  AdminSchemas['BillingView'],
  'plan' | 'trialEnd' | 'currentPeriodStart' | 'currentPeriodEnd' | 'pastDueSince' | 'readOnlyFrom' | 'stripeAccountId'
>;
export type BillingStatus = AdminSchemas['BillingView']['status'];
export type BillingPlan = AdminSchemas['PlanView'];
export type InvoiceView = Nullable<
  AdminSchemas['InvoiceView'],
  'number' | 'status' | 'created' | 'periodStart' | 'periodEnd' | 'hostedInvoiceUrl' | 'invoicePdf' | 'subscription'
>;
export type InvoicePage = { items: InvoiceView[]; hasMore: boolean };
export type InvoiceLine = Nullable<AdminSchemas['LineView'], 'description' | 'periodStart' | 'periodEnd'>;
export type UpcomingInvoice = Omit<Nullable<AdminSchemas['UpcomingInvoice'], 'periodStart' | 'periodEnd' | 'nextPaymentAttempt'>, 'lines'> & {
  lines: InvoiceLine[];
};
/* The store console's banner about the group's subscription (GET /api/stores/{store}/billing-notice). */
export type BillingNotice = Nullable<ConsoleSchemas['BillingNotice'], 'readOnlyFrom'>;
export type NewStore = Nullable<AdminSchemas['NewStore'], 'address' | 'phone'>;
export type StoreDetails = Nullable<AdminSchemas['StoreDetails'], 'address' | 'phone'>;
/* A store as customers read it (GET /api/stores/{store}/card, GET /api/stores, the market's stores): no code shown. */
export type StoreCard = Nullable<ConsoleSchemas['StoreCard'], 'address' | 'phone'>;
export type AuditEntry = Nullable<ConsoleSchemas['AuditRecord'], 'clientIp' | 'actorDisplayName' | 'entityLabel'>;
export type AuditActor = Nullable<ConsoleSchemas['AuditActor'], 'displayName'>;

export type MemberSummary = ConsoleSchemas['MemberSummary'];
export type MemberProfile = Nullable<ConsoleSchemas['MemberProfile'], 'birthday' | 'source' | 'notes'>;
export type VehicleDetails = Nullable<ConsoleSchemas['VehicleDetails'], 'purchaseDate' | 'mileageKm'>;
export type VehicleView = Nullable<ConsoleSchemas['VehicleView'], 'purchaseDate' | 'mileageKm'>;
export type MemberReferrer = ConsoleSchemas['Referrer'];
export type MemberReferringAdvisor = ConsoleSchemas['ReferringAdvisor'];
export type MemberView = Omit<ConsoleSchemas['MemberView'], 'profile' | 'vehicles' | 'referrer' | 'referringAdvisor'> & {
  profile: MemberProfile;
  vehicles: VehicleView[];
  /** the member who referred this one (null: nobody, or deleted since) */
  referrer?: MemberReferrer | null;
  /** the advisor who brought this one in (null: none recorded) */
  referringAdvisor?: MemberReferringAdvisor | null;
};
export type NewMember = {
  profile: MemberProfile;
  vehicles?: VehicleDetails[] | null;
  referrerPhone?: string | null;
  /** the username of an advisor of the directory */
  referredByAdvisor?: string | null;
};

export type StaffView = Nullable<ConsoleSchemas['StaffView'], 'phone' | 'department' | 'failureReason' | 'initialPassword'>;
export type StaffInvitation = Nullable<ConsoleSchemas['Invitation'], 'phone' | 'department' | 'adoptExistingLogin'>;
export type StaffChange = Nullable<ConsoleSchemas['Change'], 'department'>;

/* Used-car consignment (UCAR-1..3): staff's /used-cars and the owner's /me/used-cars. */
export type UsedCarView = WithPhotos<Nullable<
  ConsoleSchemas['UsedCarView'],
  | 'colour'
  | 'conditionNotes'
  | 'askingPriceYuan'
  | 'conditionReport'
  | 'reviewNote'
  | 'reviewedBy'
  | 'reservedNote'
  | 'soldPriceYuan'
  | 'listedAt'
  | 'closedAt'
>>;
export type UsedCarSummary = Nullable<ConsoleSchemas['UsedCarSummary'], 'askingPriceYuan'>;
export type UsedCarStatus = UsedCarView['status'];
export type UsedCarMove = UsedCarView['allowedMoves'][number];
export type Gearbox = UsedCarView['gearbox'];
export type EmissionStandard = UsedCarView['emissionStandard'];
/** T whose photos may be links from before uploads (no id). */
type WithPhotos<T extends { photos: unknown }> = Omit<T, 'photos'> & { photos: PhotoView[] };

/* Photos (decision 0028): uploaded with POST /photos, shown through signed links; `ref` is what a form sends back. */
export type PhotoView = Nullable<ConsoleSchemas['PhotoView'], 'id'>;
export type UploadedPhoto = ConsoleSchemas['UploadedPhoto'];
export type UsedCarDetails = Nullable<ConsoleSchemas['UsedCarDetails'], 'colour' | 'photos' | 'conditionNotes'>;
export type StaffSubmission = { memberId: string; car: UsedCarDetails };
export type UsedCarApproval = ConsoleSchemas['Approval'];
export type UsedCarNote = ConsoleSchemas['Note'];
export type UsedCarReservation = Nullable<ConsoleSchemas['Reservation'], 'note'>;
export type UsedCarSale = Nullable<ConsoleSchemas['Sale'], 'soldPriceYuan'>;
export type UsedCarWithdrawal = Nullable<ConsoleSchemas['Withdrawal'], 'reason'>;

/* The used-car market (UCAR-3, SAAS-6): GET /used-car-market, cars listed or reserved, searched with facets. */
export type MarketListing = WithPhotos<Nullable<ConsoleSchemas['Listing'], 'colour' | 'askingPriceYuan' | 'conditionReport' | 'listedAt'>>;
export type MarketFacetValue = ConsoleSchemas['FacetValue'];
export type MarketPage = Omit<ConsoleSchemas['MarketPage'], 'content' | 'stores'> & {
  content: MarketListing[];
  /** name, address and phone of each store the page names, by code */
  stores: Record<string, StoreCard>;
};
export type MarketQuery = NonNullable<ConsoleOperations['search']['parameters']['query']>;
export type MarketScope = MarketPage['scope'];
export type MarketSort = NonNullable<MarketQuery['sort']>;

/* What the signed-in user may do in a store (GET /api/stores/{store}/me/permissions); menus and buttons check these. */
export type MyPermissions = ConsoleSchemas['MyPermissions'];
export type Permission = MyPermissions['permissions'][number];

/* Dashboards (decision 0026): the store's cards for a period, and the staff list as Keycloak knows it. */
export type DashboardView = ConsoleSchemas['DashboardView'];
export type DashboardCardView = ConsoleSchemas['CardView'];
export type DashboardPeriod = DashboardView['period'];
export type DashboardTrend = DashboardView['trend'];
export type StaffEntry = Nullable<ConsoleSchemas['StaffEntry'], 'id' | 'loginId' | 'phone' | 'department' | 'failureReason' | 'version'>;

/* Repair orders and points (decision 0030): staff's /repair-orders, /members/{id}/points, /points/rules; the owner's /me/points. */
export type RepairOrderSummary = Nullable<ConsoleSchemas['RepairOrderSummary'], 'plate' | 'advisor' | 'settledAt' | 'pointsActivateAt'>;
/* Advisors (decision 0038): the performance list per advisor. */
export type AdvisorEntry = Nullable<ConsoleSchemas['AdvisorEntry'], 'department' | 'phone' | 'dmsName' | 'photoId' | 'photoUrl'>;
export type MemberAdvisor = ConsoleSchemas['MemberAdvisor'];
export type AdvisorPerformanceRow = Nullable<ConsoleSchemas['AdvisorPerformanceRow'], 'dmsName' | 'ratingAverage'>;
export type MyAdvisorView = Nullable<ConsoleSchemas['MyAdvisor'], 'phone' | 'photoUrl' | 'department'>;
export type RateableOrder = Nullable<ConsoleSchemas['RateableOrder'], 'advisor' | 'stars' | 'comment'>;
export type AdvisorMoveResult = ConsoleSchemas['AdvisorMoveResult'];
export type AdvisorCustomer = ConsoleSchemas['AdvisorCustomer'];
/* Announcements to advisors with read receipts (decision 0042). */
export type AdvisorAnnouncementRow = ConsoleSchemas['AdvisorAnnouncementRow'];
export type AdvisorAnnouncementReader = Nullable<ConsoleSchemas['AdvisorAnnouncementReader'], 'readAt'>;
export type AdvisorAnnouncementDetail = Omit<ConsoleSchemas['AdvisorAnnouncementDetail'], 'readers'> & { readers: AdvisorAnnouncementReader[] };
export type MyAdvisorAnnouncement = Nullable<ConsoleSchemas['MyAdvisorAnnouncement'], 'readAt'>;
export type MyAdvisorAnnouncementsUnread = ConsoleSchemas['MyAdvisorAnnouncementsUnread'];
/* Member 360 (decision 0042): one row of a member's timeline, its sentence built from kind, event and params. */
export type TimelineItem = Nullable<ConsoleSchemas['TimelineItem'], 'amount' | 'points' | 'targetId'>;
export type TimelineKind = TimelineItem['kind'];
export type TimelinePage = Omit<Nullable<ConsoleSchemas['TimelinePage'], 'next'>, 'items'> & { items: TimelineItem[] };
export type RepairOrderLine = Nullable<ConsoleSchemas['LineView'], 'partNumber'>;
export type RepairOrderView = Omit<
  Nullable<ConsoleSchemas['RepairOrderView'], 'plate' | 'vin' | 'advisor' | 'mileageKm' | 'settledAt' | 'ruleVersion' | 'pointsActivateAt'>,
  'lines'
> & { lines: RepairOrderLine[] };
export type PointsBalance = ConsoleSchemas['Balance'];
/* The points expiry policy (version 0 until a store sets one: points never expire) and points expiring by store day. */
export type ExpiryPolicy = Nullable<ConsoleSchemas['PolicyView'], 'months' | 'createdBy' | 'createdAt'>;
export type ExpiringPoints = ConsoleSchemas['Expiring'];
export type PointsEntry = Nullable<ConsoleSchemas['EntryView'], 'sourceId' | 'sourceRef' | 'reason' | 'ruleVersion' | 'activatesAt'>;
export type PointsRuleSet = ConsoleSchemas['RuleSetView'];
/* Member cards and levels (decision 0031): the programme, a member's card with the moves it allows now, its steps. */
export type CardLevelView = ConsoleSchemas['CardLevelView'];
export type CardProgrammeView = ConsoleSchemas['CardProgramme'];
export type CardProgramme = Omit<ConsoleSchemas['CardProgrammeChange'], 'levels'> & {
  levels: Nullable<ConsoleSchemas['CardLevelChange'], 'benefits'>[];
};
export type MemberCardView = Nullable<ConsoleSchemas['MemberCardView'], 'lastDowngradeAt' | 'nextLevel' | 'toNextLevel'>;
export type CardStepView = Nullable<
  ConsoleSchemas['CardStepView'],
  'fromLevel' | 'fromLevelName' | 'toLevel' | 'toLevelName' | 'oldNumber' | 'newNumber' | 'reason' | 'qualifyingValue'
>;
export type CardBasis = CardProgrammeView['basis'];
export type CardStatus = MemberCardView['status'];
export type CardMove = MemberCardView['moves'][number];
export type CardStepKind = CardStepView['kind'];
/* Automatic point tasks (decision 0033): the trigger catalogue, the tasks with what each granted, the owner's check-in. */
export type PointTaskView = Nullable<ConsoleSchemas['PointTaskView'], 'points' | 'pointsPerYuan' | 'validUntil' | 'publishedAt' | 'endedAt'>;
export type PointTaskChange = Nullable<ConsoleSchemas['PointTaskChange'], 'description' | 'points' | 'pointsPerYuan' | 'validUntil'>;
export type PointTaskTriggerView = ConsoleSchemas['PointTaskTriggerView'];
export type PointTaskTrigger = PointTaskView['trigger'];
export type PointTaskStatus = PointTaskView['status'];
export type PointTaskLimit = PointTaskView['memberLimit'];
export type PointCampaignView = Nullable<
  ConsoleSchemas['PointCampaignView'],
  'submittedAt' | 'reviewedBy' | 'reviewedAt' | 'reviewNote' | 'grantStartedAt' | 'grantFinishedAt'
>;
export type PointCampaignStatus = PointCampaignView['status'];
export type PointCampaignChange = Nullable<ConsoleSchemas['PointCampaignChange'], 'memberIds'>;
/* chosenBy, outcome and skipReason are codes the service sends as text: HAND/FILE/SEGMENT, GRANTED/SKIPPED, MEMBER_GONE */
export type PointCampaignMemberView = Omit<ConsoleSchemas['PointCampaignMemberView'], 'name' | 'phone' | 'chosenBy' | 'outcome' | 'skipReason'> & {
  name?: string | null;
  phone?: string | null;
  chosenBy: 'HAND' | 'FILE' | 'SEGMENT';
  outcome?: 'GRANTED' | 'SKIPPED' | null;
  skipReason?: 'MEMBER_GONE' | null;
};
export type CampaignFileResult = Omit<ConsoleSchemas['CampaignFileResult'], 'campaign'> & { campaign: PointCampaignView };
export type CheckInResult = ConsoleSchemas['CheckInResult'];

// DMS credential (decision 0034)
export type DmsCredentialView = Nullable<
  ConsoleSchemas['DmsCredentialView'],
  'clientId' | 'createdAt' | 'createdBy' | 'rotatedAt' | 'rotatedBy' | 'revokedAt' | 'revokedBy'
>;
export type DmsCredentialIssued = Omit<ConsoleSchemas['DmsCredentialIssued'], 'credential'> & { credential: DmsCredentialView };

// a vehicle's odometer readings (decision 0035)
export type MileageReading = Nullable<ConsoleSchemas['MileageReadingView'], 'sourceRef'>;

/* Member segments and tags (decision 0041): rules combined with AND, counted on every read. */
export type SegmentRule = Nullable<ConsoleSchemas['SegmentRule'], 'values' | 'min' | 'max' | 'text'>;
export type SegmentRuleType = SegmentRule['type'];
export type SegmentView = Omit<ConsoleSchemas['SegmentView'], 'rules'> & { rules: SegmentRule[] };
export type SegmentMemberView = Nullable<ConsoleSchemas['SegmentMemberView'], 'cardLevel' | 'lastVisitAt'>;
export type TagView = ConsoleSchemas['TagView'];
export type MemberTagsView = ConsoleSchemas['MemberTagsView'];
export type TagBatchResult = ConsoleSchemas['TagBatchResult'];
export type CampaignSegmentResult = Omit<ConsoleSchemas['CampaignSegmentResult'], 'campaign'> & { campaign: PointCampaignView };
// point transfers and share links (decision 0040)
export type PointTransferView = Nullable<
  ConsoleSchemas['PointTransferView'],
  'fromName' | 'fromPhone' | 'toName' | 'toPhone' | 'reversedAt' | 'reversedBy' | 'reverseReason'
>;
export type PointTransferStatus = PointTransferView['status'];
export type TransferPolicyView = ConsoleSchemas['TransferPolicyView'];
export type OwnTransferLimits = ConsoleSchemas['OwnTransferLimits'];
export type TransferRecipient = ConsoleSchemas['TransferRecipient'];
export type OwnTransferResult = ConsoleSchemas['OwnTransferResult'];
export type ShareLink = Nullable<ConsoleSchemas['ShareLink'], 'usedCarId'>;
// the stored-value wallet (decision 0043); amounts in fen
export type WalletView = ConsoleSchemas['WalletView'];
export type WalletPosting = ConsoleSchemas['WalletPosting'];
export type WalletEntryView = Nullable<ConsoleSchemas['WalletEntryView'], 'method' | 'sourceId' | 'sourceRef' | 'refundOf' | 'reason'>;
export type WalletEntryKind = WalletEntryView['kind'];
export type PaymentMethod = NonNullable<WalletEntryView['method']>;
export type WalletCashOutView = Nullable<ConsoleSchemas['CashOutView'], 'decidedBy' | 'decidedAt' | 'decisionNote' | 'entryId'>;
export type WalletCashOutStatus = WalletCashOutView['status'];
export type WalletSettingsView = ConsoleSchemas['WalletSettingsView'];
export type BonusTier = ConsoleSchemas['BonusTier'];

export type CouponTemplateView = Nullable<
  ConsoleSchemas['CouponTemplateView'],
  'description' | 'capFen' | 'stackGroup' | 'validFrom' | 'validUntil' | 'validDays' | 'totalLimit' | 'remaining'
>;
export type CouponKind = CouponTemplateView['kind'];
export type CouponScope = CouponTemplateView['scope'];
export type CouponTemplateStatus = CouponTemplateView['status'];
export type CouponTemplateChange = Nullable<
  ConsoleSchemas['CouponTemplateChange'],
  'description' | 'scopeCodes' | 'valueFen' | 'thresholdFen' | 'percentOff' | 'capFen' | 'pointsMultiplier' | 'stackGroup' | 'validFrom' | 'validUntil' | 'validDays' | 'perMemberLimit' | 'totalLimit' | 'claimable'
>;
export type MemberCouponView = Nullable<
  ConsoleSchemas['MemberCouponView'],
  'description' | 'capFen' | 'stackGroup' | 'usedAt' | 'paymentId' | 'discountFen' | 'orderFen' | 'expiredAt'
>;
export type MemberCouponState = MemberCouponView['state'];
export type CouponCentreItem = Nullable<
  ConsoleSchemas['CouponCentreItem'],
  'description' | 'capFen' | 'stackGroup' | 'validFrom' | 'validUntil' | 'validDays' | 'remaining'
>;
export type CouponIssueResult = Omit<ConsoleSchemas['CouponIssueResult'], 'template'> & { template: CouponTemplateView };
export type CouponStatisticsView = ConsoleSchemas['CouponStatisticsView'];
// payments and the checkout sheet (WAL-3, WAL-4; decision 0045); amounts in fen, 100 points = 1 yuan
export type PaymentRow = Nullable<ConsoleSchemas['PaymentRow'], 'subjectId' | 'cashMethod' | 'onlineMethod' | 'confirmedBy' | 'confirmedAt' | 'note'>;
// online payments on Stripe (decision 0046)
/** Where money Stripe takes in for the store goes back: a refund's online part, or a payment made too late. */
export type OnlineRefundStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';
/** A payment's online part; `lateReturn`: money paid at Stripe after the payment had failed, on its way back. */
export type OnlineView = Omit<
  Nullable<
    ConsoleSchemas['OnlineView'],
    'intentId' | 'actionType' | 'qrData' | 'qrImage' | 'redirectUrl' | 'failureCode' | 'failureMessage' | 'settledAt'
  >,
  'lateReturn'
> & { lateReturn?: OnlineRefundStatus | null };
export type OnlineMethod = OnlineView['method'];
export type OnlinePaymentStatus = OnlineView['status'];
export type OnlinePaymentOptions = ConsoleSchemas['OnlinePaymentOptions'];
export type CardConfirmation = ConsoleSchemas['CardConfirmation'];
/* The gift warehouse (decision 0048): the owners' catalogue and a redemption as owners and staff read it. */
/* The owners' gift catalogue: a gift found (its first photo, the stock and limit now), a page of the search, its sorts. */
export type CatalogueGift = Omit<Nullable<ConsoleSchemas['CatalogueGift'], 'description' | 'memberLimit' | 'mayRedeem'>, 'photo'> & { photo?: PhotoView | null };
export type GiftCataloguePage = Omit<ConsoleSchemas['GiftCataloguePage'], 'content'> & { content: CatalogueGift[] };
export type GiftCatalogueSort = NonNullable<NonNullable<ConsoleOperations['myGiftCatalogue']['parameters']['query']>['sort']>;
export type GiftRedemptionView = Nullable<
  ConsoleSchemas['RedemptionView'],
  'handedOverBy' | 'handedOverAt' | 'cancelledBy' | 'cancelledAt' | 'cancelReason'
>;
/* The gift warehouse in the console (GIFT-1..3): gifts, their stock movements, staff's redemptions; amounts in points. */
export type GiftView = Nullable<ConsoleSchemas['GiftView'], 'description' | 'memberLimit'>;
export type GiftStatus = GiftView['status'];
export type GiftForm = Nullable<ConsoleSchemas['GiftForm'], 'description' | 'memberLimit' | 'lowStockAt' | 'initialStock' | 'listed' | 'photos'>;
export type GiftStockReceipt = Nullable<ConsoleSchemas['StockReceipt'], 'reason'>;
/** A correction of a gift's stock after a count: `delta` non-zero, negative takes stock out. */
export type GiftStockAdjustment = ConsoleSchemas['StockAdjustment'];
export type GiftStockEntry = Nullable<ConsoleSchemas['StockEntryView'], 'redemptionId' | 'reason'>;
export type GiftStockKind = GiftStockEntry['kind'];
export type GiftRedemptionStatus = GiftRedemptionView['status'];
export type GiftRedemptionMove = GiftRedemptionView['allowed'][number];
export type GiftDeskRedemption = ConsoleSchemas['DeskRedemption'];
export type GiftCancellation = ConsoleSchemas['RedemptionCancellation'];
/* Batch distribution of a gift (GIFT-3, decision 0049): a draft, its members, the job's progress and report. */
export type GiftDistributionView = Nullable<ConsoleSchemas['DistributionView'], 'startedBy' | 'startedAt' | 'finishedAt'>;
export type GiftDistributionStatus = GiftDistributionView['status'];
export type GiftDistributionForm = Nullable<ConsoleSchemas['DistributionForm'], 'memberIds' | 'segmentId'>;
export type GiftDistributionMemberView = Omit<ConsoleSchemas['DistributionMemberView'], 'memberName' | 'memberPhone' | 'chosenBy' | 'outcome' | 'skipReason' | 'redemptionId'> & {
  memberName?: string | null;
  memberPhone?: string | null;
  chosenBy: 'HAND' | 'FILE' | 'SEGMENT';
  outcome?: 'GIVEN' | 'SKIPPED' | null;
  skipReason?: 'OUT_OF_STOCK' | 'MEMBER_LIMIT' | 'MEMBER_GONE' | null;
  redemptionId?: string | null;
};
export type GiftDistributionFileResult = Omit<ConsoleSchemas['DistributionFileResult'], 'distribution'> & { distribution: GiftDistributionView };
export type GiftDistributionSegmentResult = Omit<ConsoleSchemas['DistributionSegmentResult'], 'distribution'> & { distribution: GiftDistributionView };
/** A member's gifts (cancelled ones not counted): redemptions, pieces, points spent, pieces given by distributions. */
export type GiftMemberStats = ConsoleSchemas['MemberStatsView'];
/* The store's mall catalogue (MALL-1, MALL-3): categories, products with SKUs and their stock ledger; money in fen. */
export type ProductCategoryView = Nullable<ConsoleSchemas['CategoryView'], 'parentId'>;
export type ProductCategoryForm = Nullable<ConsoleSchemas['CategoryForm'], 'parentId' | 'sortOrder'>;
export type ProductStatus = ConsoleSchemas['ProductRow']['status'];
export type ProductRow = Nullable<ConsoleSchemas['ProductRow'], 'thumbnailUrl'>;
export type ProductSkuView = Nullable<ConsoleSchemas['SkuView'], 'code' | 'salePriceFen'>;
export type ProductView = Omit<Nullable<ConsoleSchemas['ProductView'], 'subtitle' | 'description' | 'listedAt'>, 'photos' | 'skus'> & {
  photos: PhotoView[];
  skus: ProductSkuView[];
};
export type ProductSkuForm = Nullable<ConsoleSchemas['SkuForm'], 'code' | 'salePriceFen' | 'lowStockAt' | 'initialStock'>;
export type ProductForm = Omit<
  Nullable<ConsoleSchemas['ProductForm'], 'subtitle' | 'description' | 'fitment' | 'photos' | 'skus' | 'listed'>,
  'skus'
> & { skus?: ProductSkuForm[] | null };
export type ProductStockReceipt = Nullable<ConsoleSchemas['ProductStockReceipt'], 'reason'>;
export type ProductStockAdjustment = ConsoleSchemas['ProductStockAdjustment'];
export type ProductStockEntry = Nullable<ConsoleSchemas['ProductStockEntryView'], 'reason'>;
export type ProductStockKind = ProductStockEntry['kind'];
/* The mall in the owner app: cards of a list (fitsMyCar null: fits every car), the home, a search page, a product. */
export type MallCard = Omit<Nullable<ConsoleSchemas['MallCard'], 'subtitle' | 'originalPriceFen' | 'fitsMyCar'>, 'photo'> & { photo?: PhotoView | null };
export type MallHome = Omit<ConsoleSchemas['MallHome'], 'hot' | 'recommended' | 'categories'> & {
  hot: MallCard[];
  recommended: MallCard[];
  categories: ProductCategoryView[];
};
export type MallPage = Omit<ConsoleSchemas['MallPage'], 'content'> & { content: MallCard[] };
export type MallSort = NonNullable<NonNullable<ConsoleOperations['searchMyMall']['parameters']['query']>['sort']>;
export type MallSku = Nullable<ConsoleSchemas['MallSku'], 'salePriceFen'>;
export type MallProduct = Omit<Nullable<ConsoleSchemas['MallProduct'], 'subtitle' | 'description' | 'fitsMyCar'>, 'skus' | 'photos'> & {
  photos: PhotoView[];
  skus: MallSku[];
};
/** A refund; `onlineStatus`: where its online part is at Stripe (null without one). */
export type PaymentRefundView = Omit<ConsoleSchemas['RefundView'], 'onlineStatus'> & { onlineStatus?: OnlineRefundStatus | null };
export type PaymentWebhookView = ConsoleSchemas['WebhookView'];
/** How a refund of an amount would be shared now, before it is made. */
export type RefundPreview = Nullable<ConsoleSchemas['RefundPreview'], 'onlineMethod'>;
export type PaymentView = Omit<ConsoleSchemas['PaymentView'], 'payment' | 'refunds' | 'online'> & {
  payment: PaymentRow;
  refunds: PaymentRefundView[];
  /** the online part (null without one) */
  online?: OnlineView | null;
};
export type PaymentStatus = PaymentRow['status'];
export type PaymentChannel = PaymentRow['channel'];
export type PaymentDayTotal = ConsoleSchemas['DayTotal'];
export type CheckoutCombination = ConsoleSchemas['CombinationView'];
export type CheckoutHeldCoupon = Nullable<ConsoleSchemas['HeldView'], 'notUsedReason' | 'notUsedText'>;
export type CheckoutQuote = Nullable<Omit<ConsoleSchemas['Quote'], 'held'> & { held: CheckoutHeldCoupon[] }, 'subjectId' | 'chosen'>;
export type PayableOrder = Nullable<ConsoleSchemas['PayableView'], 'advisor' | 'settledAt'>;
export type PaymentSettingsView = ConsoleSchemas['PaymentSettingsView'];
/* Mall orders (MALL-2): an owner's or the console's view of one (the owner's carries the pick-up code), a row of the console's list. */
export type MallOrderStatus = ConsoleSchemas['MallOrderView']['status'];
export type MallFulfilment = ConsoleSchemas['MallOrderView']['fulfilment'];
export type MallOrderLine = ConsoleSchemas['MallOrderLineView'];
export type MallOrderView = Nullable<
  ConsoleSchemas['MallOrderView'],
  'memberName' | 'memberPhone' | 'paymentId' | 'paymentStatus' | 'pickupCode' | 'note' | 'installationAt' | 'repairOrderNumber' | 'paidAt' | 'readyAt' | 'completedAt' | 'completedBy' | 'cancelledAt' | 'cancelReason'
>;
export type MallOrderMove = MallOrderView['allowed'][number];
export type MallOrderRow = Nullable<ConsoleSchemas['MallOrderRow'], 'summary'>;
/* Parts ordered for customers (MALL-3, 配件预订): the console's view and row, the owner's own, what recording one sends. */
export type PartOrderStatus = ConsoleSchemas['PartOrderView']['status'];
export type PartOrderView = Nullable<
  ConsoleSchemas['PartOrderView'],
  | 'memberName'
  | 'memberPhone'
  | 'vehicleId'
  | 'plate'
  | 'supplier'
  | 'expectedOn'
  | 'priceFen'
  | 'depositFen'
  | 'repairOrderNumber'
  | 'note'
  | 'advisor'
  | 'arrivalAdvisor'
  | 'arrivedAt'
  | 'arrivedBy'
  | 'handedOverAt'
  | 'handedOverBy'
  | 'cancelledAt'
  | 'cancelledBy'
  | 'cancelReason'
>;
export type PartOrderMove = PartOrderView['allowed'][number];
export type PartOrderRow = Nullable<ConsoleSchemas['PartOrderRow'], 'plate' | 'supplier' | 'expectedOn' | 'priceFen' | 'depositFen' | 'advisor' | 'arrivedAt'>;
export type MyPartOrder = Nullable<ConsoleSchemas['MyPartOrder'], 'plate' | 'expectedOn' | 'priceFen' | 'depositFen' | 'arrivedAt' | 'handedOverAt' | 'cancelledAt' | 'cancelReason'>;
export type PartOrderRecord = Nullable<ConsoleSchemas['NewPartOrder'], 'vehicleId' | 'supplier' | 'expectedOn' | 'priceFen' | 'depositFen' | 'repairOrderNumber' | 'note' | 'notifyOwner'>;
/* Stock alerts (MALL-3, GIFT-1; decision 0053): an episode of low stock or slow-moving with its figures, the slow-moving rule. */
export type StockAlertView = Nullable<ConsoleSchemas['StockAlertView'], 'skuId' | 'spec' | 'lowStockAt' | 'lastSoldAt' | 'idleDays' | 'clearedAt'>;
export type StockAlertKind = StockAlertView['alertKind'];
export type StockItemKind = StockAlertView['itemKind'];
export type StockAlertSettingsView = ConsoleSchemas['StockAlertSettingsView'];
