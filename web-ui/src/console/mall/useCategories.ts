import { useMemo } from 'react';
import type { ProductCategoryView } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { categoryPaths, categoryTree } from '../../ui/mall';
import { useLoad } from '../../ui/useLoad';

/** The store's product categories (GET …/product-categories, a flat list), as a tree and as path labels by id. */
export function useCategories(store: string) {
  const { api } = useAuth();
  const loaded = useLoad<ProductCategoryView[]>((signal) => api.get<ProductCategoryView[]>(`/api/stores/${store}/product-categories`, undefined, signal), [store]);
  const list = useMemo(() => loaded.data ?? [], [loaded.data]);
  const tree = useMemo(() => categoryTree(list), [list]);
  const paths = useMemo(() => categoryPaths(list), [list]);
  /** choices of a select: every category by its path, parents before their children */
  const options = useMemo(() => [...paths].map(([value, label]) => ({ value, label })), [paths]);
  return { ...loaded, list, tree, paths, options };
}
