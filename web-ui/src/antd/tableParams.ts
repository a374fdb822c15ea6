import type { SorterResult } from 'antd/es/table/interface';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export interface TableParams {
  /** zero-based, as the API counts */
  page: number;
  size: number;
  sort?: string;
  q: string;
  filters: Record<string, string>;
}

/**
 * Paging, sorting, search and filters of a list kept in the URL, so that reload, back and a shared link show the
 * same rows.
 */
export function useTableParams(defaults: { size: number; sort?: string }, filterNames: readonly string[] = []) {
  const [params, setParams] = useSearchParams();
  const value: TableParams = {
    page: Math.max(0, Number(params.get('page') ?? '1') - 1) || 0,
    size: Number(params.get('size') ?? defaults.size) || defaults.size,
    sort: params.get('sort') ?? defaults.sort,
    q: params.get('q') ?? '',
    filters: Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])),
  };

  const update = useCallback(
    (changes: Record<string, string | number | undefined>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, v] of Object.entries(changes)) {
            if (v === undefined || v === '') next.delete(key);
            else next.set(key, String(v));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return {
    ...value,
    /** a new search or filter starts from the first page */
    search: (q: string) => update({ q, page: undefined }),
    filter: (name: string, v: string | undefined) => update({ [name]: v, page: undefined }),
    /** a query form's values at once (`q` and the named filters; empty clears one), from the first page */
    applyFilters: (values: Record<string, string | undefined>) => update({ ...values, page: undefined }),
    onTableChange: (pagination: { current?: number; pageSize?: number }, sorter: SorterResult<unknown> | SorterResult<unknown>[]) => {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = single?.columnKey ?? single?.field;
      const sort = single?.order && typeof field === 'string' ? `${field},${single.order === 'ascend' ? 'asc' : 'desc'}` : undefined;
      update({ page: pagination.current && pagination.current > 1 ? pagination.current : undefined, size: pagination.pageSize, sort });
    },
    /** the sort order antd shows on a column */
    sortOrderOf: (key: string): 'ascend' | 'descend' | null => {
      const [field, direction] = (value.sort ?? '').split(',');
      if (field !== key) return null;
      return direction === 'desc' ? 'descend' : 'ascend';
    },
  };
}

/**
 * The pagination of a table whose rows come a page at a time from the API and whose page is kept in the component
 * (`page` zero-based, as the API counts): a fixed page size, the total the API answered.
 */
export function pagesOf(page: number, setPage: (page: number) => void, pageSize: number, total: number | undefined) {
  return { current: page + 1, pageSize, total: total ?? 0, showSizeChanger: false, onChange: (p: number) => setPage(p - 1) };
}
