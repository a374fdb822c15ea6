import type { ComponentType } from 'react';
import type { CardProps } from './CardFrame';
import { MembersCard } from './cards/MembersCard';
import { StaffCard } from './cards/StaffCard';
import { UsedCarReviewCard } from './cards/UsedCarReviewCard';
import { UsedCarSalesCard } from './cards/UsedCarSalesCard';
import { VehiclesCard } from './cards/VehiclesCard';

/** How a card is drawn: its component, and whether it takes a half row (cards with a chart) or a third. */
export interface CardEntry {
  component: ComponentType<CardProps>;
  wide?: boolean;
}

/**
 * The store dashboard's cards by the key store-console gives them (its DashboardCard beans, decision 0026). A feature
 * adds its card as a component in cards/ and one line here; the page lays out whatever the server sends, in its
 * order, and leaves out a key it has no component for (a server newer than the page).
 */
export const DASHBOARD_CARDS: Readonly<Record<string, CardEntry>> = {
  members: { component: MembersCard, wide: true },
  usedCarSales: { component: UsedCarSalesCard, wide: true },
  vehicles: { component: VehiclesCard },
  usedCarReview: { component: UsedCarReviewCard },
  staff: { component: StaffCard },
};
