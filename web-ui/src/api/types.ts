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
export type MemberView = Omit<ConsoleSchemas['MemberView'], 'profile' | 'vehicles'> & {
  profile: MemberProfile;
  vehicles: VehicleView[];
};
export type NewMember = { profile: MemberProfile; vehicles?: VehicleDetails[] | null };

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

/*
 * Member cards and levels (decision 0031). Written out by hand: in the OpenAPI snapshot the card's `CardView` and
 * `Programme` share their names with the dashboard's card and the programme request, so the generated schemas of
 * those names describe one of each pair only. Replace with aliases once the service names them apart.
 */
export type CardBasis = 'POINTS' | 'SPEND';
export type CardStatus = 'ACTIVE' | 'LOST' | 'EXPIRED' | 'QUIT';
export type CardMove = 'RENEW' | 'UPGRADE' | 'DOWNGRADE' | 'REPORT_LOST' | 'REISSUE' | 'CHANGE' | 'QUIT' | 'EXPIRE' | 'REJOIN';
export type CardStepKind = 'JOINED' | 'RENEWED' | 'UPGRADED' | 'DOWNGRADED' | 'REPORTED_LOST' | 'REISSUED' | 'CHANGED' | 'QUIT' | 'EXPIRED';
export interface CardLevelView {
  id: string;
  code: string;
  name: string;
  rank: number;
  threshold: number;
  benefits: string;
}
/** GET /card-programme: the levels from the first up, and the version a PUT sends back as If-Match. */
export interface CardProgrammeView {
  basis: CardBasis;
  windowMonths: number;
  validityMonths: number;
  levels: CardLevelView[];
  version: number;
}
/** PUT /card-programme: a level's rank is its place in the list. */
export interface CardProgramme {
  basis: CardBasis;
  windowMonths: number;
  validityMonths: number;
  levels: { code: string; name: string; threshold: number; benefits?: string | null }[];
}
/** A member's card (GET …/members/{id}/card, GET /me/card): `moves` are the steps possible now. */
export interface MemberCardView {
  id: string;
  memberId: string;
  cardNumber: string;
  status: CardStatus;
  level: CardLevelView;
  joinedAt: string;
  validUntil: string;
  levelSince: string;
  lastDowngradeAt?: string | null;
  basis: CardBasis;
  qualifyingValue: number;
  nextLevel?: CardLevelView | null;
  toNextLevel?: number | null;
  moves: CardMove[];
  version: number;
}
export interface CardStepView {
  id: string;
  kind: CardStepKind;
  fromLevel?: string | null;
  toLevel?: string | null;
  oldNumber?: string | null;
  newNumber?: string | null;
  reason?: string | null;
  qualifyingValue?: number | null;
  actor: string;
  at: string;
}
