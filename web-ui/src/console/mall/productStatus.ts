import type { ProductStatus } from '../../api/types';

export const PRODUCT_STATUSES = ['LISTED', 'DELISTED'] as const satisfies readonly ProductStatus[];
export const PRODUCT_COLOURS: Record<ProductStatus, string> = { LISTED: 'green', DELISTED: 'default' };
