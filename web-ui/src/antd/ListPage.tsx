import { ColumnHeightOutlined, DownloadOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Dropdown, Empty, Form, Input, Popover, Select, Space, Table, Tooltip } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page, Query } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { dayBounds } from '../ui/format';
import { useStoreZone } from '../ui/storeZone';
import { useLoad } from '../ui/useLoad';
import { saveFile } from './download';
import { ProblemAlert } from './ProblemAlert';
import { useTableParams } from './tableParams';

/** A field of the query form; its value is kept in the address under `name` and sent to the API under that name. */
export interface ListFilter {
  /** `q` is the list's text search */
  name: string;
  label: string;
  /**
   * `dayRange`: whole days of the store (Ant's RangePicker); the first day is kept in the address under `name`, the
   * last under `end` (`from=2026-03-01&to=2026-03-31`), and the API gets the start of the first and the end of the
   * last as instants in the store's zone under the same names
   */
  kind: 'text' | 'select' | 'dayRange';
  placeholder?: string;
  /** a select's choices; with `multiple`, the value is sent comma-separated (`LISTED,RESERVED`), as Spring binds a list */
  options?: { value: string; label: string }[];
  multiple?: boolean;
  /** a select whose choices can be searched by their label (long lists such as people) */
  searchable?: boolean;
  /** a select whose choices are still loading */
  loading?: boolean;
  /** a dayRange's parameter of the last day */
  end?: string;
  /** a dayRange's placeholders of the first and the last day */
  placeholders?: [string, string];
  /** a dayRange sent as the days themselves (`2026-03-01`), for an API that takes the store's business days */
  days?: boolean;
}

const DAY = 'YYYY-MM-DD';

export type Density = 'large' | 'middle' | 'small';

export interface ListPageProps<T> {
  /** names the list: column settings and density are kept per list in the browser */
  id: string;
  /** the list endpoint; the export is `<path>/export`, called with the same filters and sort */
  path: string;
  /** parameters the page always sends (e.g. the statuses of a work queue) */
  fixedQuery?: Query;
  defaults: { size: number; sort: string };
  filters?: ListFilter[];
  /** every column has a `key` (the sort key when sortable, and its name in the column settings) */
  columns: ColumnsType<T>;
  rowKey: (keyof T & string) | ((row: T) => string);
  /** shows 导出 Excel when true (the caller checks the export permission) */
  exportable?: boolean;
  /** actions beside the toolbar's own, e.g. 新建会员 */
  actions?: ReactNode;
  /** with this, rows can be selected and these actions act on the selected rows; call `done` to reload and clear */
  batchActions?: (selected: T[], done: () => void) => ReactNode;
  /** what an empty list says, and the next step (a button), when no filter is set */
  empty: { description: string; action?: ReactNode };
  /** rows that open to show more (e.g. an audit entry's changes) */
  expandable?: TableProps<T>['expandable'];
  /** page sizes to offer, when the list's differ from antd's */
  pageSizeOptions?: number[];
  /** a value whose change reloads the rows (e.g. a counter raised after a dialog changed one) */
  refresh?: unknown;
  /**
   * what to show instead of the whole list when loading it fails in a way that means the list is not there (e.g. a
   * feature the store has not got); undefined keeps the list with the problem above it
   */
  unavailable?: (error: unknown) => ReactNode | undefined;
  /** opens a row (e.g. a drawer with its details) when it is clicked */
  onRowClick?: (row: T) => void;
}

/** The names a filter keeps in the address: its own, and a day range's last day. */
function addressNames(filter: ListFilter): string[] {
  return filter.kind === 'dayRange' && filter.end ? [filter.name, filter.end] : [filter.name];
}

function stored<V>(key: string, fallback: V): V {
  try {
    const text = window.localStorage.getItem(key);
    return text ? (JSON.parse(text) as V) : fallback;
  } catch {
    return fallback;
  }
}

function store(key: string, value: unknown) {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // private mode or full: the setting lasts for this page only
  }
}

/**
 * The list page every resource uses: a query form (filters kept in the address, so reload, back and a shared link
 * show the same rows), a toolbar (export to Excel of exactly the filtered rows, refresh, density, column settings),
 * row selection with batch actions where the resource has them, server-side paging and sorting, and an empty state
 * that says what to do next.
 */
export function ListPage<T extends object>({
  id,
  path,
  fixedQuery,
  defaults,
  filters = [],
  columns,
  rowKey,
  exportable,
  actions,
  batchActions,
  empty,
  expandable,
  pageSizeOptions,
  refresh,
  unavailable,
  onRowClick,
}: ListPageProps<T>) {
  const { t } = useTranslation();
  const { api } = useAuth();
  const zone = useStoreZone();
  const filterNames = filters.flatMap(addressNames).filter((name) => name !== 'q');
  const params = useTableParams(defaults, filterNames);
  const values: Record<string, string> = { q: params.q, ...params.filters };
  const filterQuery: Query = Object.fromEntries(
    filters.flatMap((f): [string, string][] => {
      if (f.kind !== 'dayRange' || !f.end) return [[f.name, values[f.name] ?? '']];
      if (f.days) return [[f.name, values[f.name] ?? ''], [f.end, values[f.end] ?? '']];
      // whole days of the store, as the times in its lists read
      const first = values[f.name];
      const last = values[f.end];
      return [
        [f.name, first ? dayBounds(first, zone).start : ''],
        [f.end, last ? dayBounds(last, zone).end : ''],
      ];
    }),
  );
  const filtered = filters.flatMap(addressNames).some((name) => (values[name] ?? '') !== '');
  const queryKey = JSON.stringify([fixedQuery, filterQuery]);

  const rows = useLoad(
    (signal) => api.get<Page<T>>(path, { ...fixedQuery, ...filterQuery, page: params.page, size: params.size, sort: params.sort }, signal),
    [path, queryKey, params.page, params.size, params.sort, refresh],
  );

  const [density, setDensity] = useState<Density>(() => stored(`m4s.list.${id}.density`, 'middle'));
  const [hidden, setHidden] = useState<string[]>(() => stored(`m4s.list.${id}.hidden`, []));
  const [selected, setSelected] = useState<{ keys: Key[]; rows: T[] }>({ keys: [], rows: [] });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>();

  // a new page of rows, filter or sort starts with nothing selected
  useEffect(() => setSelected({ keys: [], rows: [] }), [queryKey, params.page, params.size, params.sort]);

  type FormValue = string | string[] | [Dayjs, Dayjs] | null | undefined;
  const [form] = Form.useForm<Record<string, FormValue>>();
  const formValues = useMemo(
    () =>
      Object.fromEntries(
        filters.map((f): [string, FormValue] => {
          const v = values[f.name];
          if (f.kind === 'dayRange') {
            const last = f.end ? values[f.end] : '';
            return [f.name, v && last ? [dayjs(v, DAY), dayjs(last, DAY)] : undefined];
          }
          return [f.name, f.multiple ? (v ? v.split(',') : []) : v || undefined];
        }),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryKey],
  );
  useEffect(() => form.setFieldsValue(formValues), [form, formValues]);

  const apply = (input: Record<string, FormValue>) =>
    params.applyFilters(
      Object.fromEntries(
        filters.flatMap((f): [string, string][] => {
          const v = input[f.name];
          if (f.kind === 'dayRange') {
            const [first, last] = (v as [Dayjs, Dayjs] | null | undefined) ?? [];
            return [
              [f.name, first ? first.format(DAY) : ''],
              ...(f.end ? [[f.end, last ? last.format(DAY) : ''] as [string, string]] : []),
            ];
          }
          return [[f.name, Array.isArray(v) ? v.join(',') : ((v as string | undefined) ?? '').trim()]];
        }),
      ),
    );
  const reset = () => {
    form.resetFields();
    params.applyFilters(Object.fromEntries(filters.flatMap(addressNames).map((name) => [name, undefined])));
  };

  const download = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      const file = await api.download(`${path}/export`, { ...fixedQuery, ...filterQuery, sort: params.sort }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      saveFile(file.blob, file.fileName ?? `${id}.xlsx`);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const titleOf = (column: ColumnsType<T>[number]) => (typeof column.title === 'string' ? column.title : String(column.key));
  const shown = columns.filter((c) => !hidden.includes(String(c.key)));
  const changeHidden = (next: string[]) => {
    setHidden(next);
    store(`m4s.list.${id}.hidden`, next);
  };
  const changeDensity = (next: Density) => {
    setDensity(next);
    store(`m4s.list.${id}.density`, next);
  };
  const clearSelection = () => setSelected({ keys: [], rows: [] });

  const columnSettings = (
    <Space direction="vertical" data-testid="column-settings">
      {columns.map((c) => (
        <Checkbox
          key={String(c.key)}
          checked={!hidden.includes(String(c.key))}
          // at least one column stays
          disabled={!hidden.includes(String(c.key)) && shown.length === 1}
          onChange={(e) => changeHidden(e.target.checked ? hidden.filter((k) => k !== String(c.key)) : [...hidden, String(c.key)])}
        >
          {titleOf(c)}
        </Checkbox>
      ))}
      <Button type="link" size="small" onClick={() => changeHidden([])} disabled={hidden.length === 0}>
        {t('listPattern.list.showAllColumns')}
      </Button>
    </Space>
  );

  const instead = rows.error ? unavailable?.(rows.error) : undefined;
  if (instead) return <>{instead}</>;

  return (
    <>
      {filters.length > 0 && (
        <Form form={form} layout="inline" className="list-query-form" initialValues={formValues} onFinish={apply} aria-label={t('listPattern.list.queryForm')}>
          {filters.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label}>
              {f.kind === 'text' ? (
                <Input allowClear placeholder={f.placeholder} aria-label={f.label} style={{ width: 240 }} />
              ) : f.kind === 'dayRange' ? (
                <DatePicker.RangePicker aria-label={f.label} placeholder={f.placeholders} />
              ) : (
                <Select
                  allowClear
                  showSearch={f.searchable ? { optionFilterProp: 'label' } : undefined}
                  mode={f.multiple ? 'multiple' : undefined}
                  placeholder={f.placeholder}
                  aria-label={f.label}
                  options={f.options}
                  loading={f.loading}
                  style={{ minWidth: 240 }}
                />
              )}
            </Form.Item>
          ))}
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('listPattern.list.query')}
              </Button>
              <Button onClick={reset}>{t('listPattern.list.reset')}</Button>
            </Space>
          </Form.Item>
        </Form>
      )}
      <div className="list-toolbar">
        <span />
        <Space wrap>
          {actions}
          {exportable && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
              {t('listPattern.list.export')}
            </Button>
          )}
          <Tooltip title={t('listPattern.list.refresh')}>
            <Button icon={<ReloadOutlined />} aria-label={t('listPattern.list.refresh')} onClick={rows.reload} />
          </Tooltip>
          <Dropdown
            trigger={['click']}
            menu={{
              selectable: true,
              selectedKeys: [density],
              onClick: ({ key }) => changeDensity(key as Density),
              items: (['large', 'middle', 'small'] as const).map((d) => ({ key: d, label: t(`listPattern.list.densities.${d}`) })),
            }}
          >
            <Tooltip title={t('listPattern.list.density')}>
              <Button icon={<ColumnHeightOutlined />} aria-label={t('listPattern.list.density')} />
            </Tooltip>
          </Dropdown>
          <Popover trigger="click" placement="bottomRight" title={t('listPattern.list.columns')} content={columnSettings}>
            <Tooltip title={t('listPattern.list.columns')}>
              <Button icon={<SettingOutlined />} aria-label={t('listPattern.list.columns')} />
            </Tooltip>
          </Popover>
        </Space>
      </div>
      <ProblemAlert error={exportError} onRetry={() => void download()} />
      <ProblemAlert error={rows.error} onRetry={rows.reload} />
      {batchActions && selected.keys.length > 0 && (
        <Alert
          className="list-selection"
          type="info"
          message={
            <Space wrap>
              <span>{t('listPattern.list.selected', { count: selected.keys.length })}</span>
              <Button type="link" size="small" onClick={clearSelection}>
                {t('listPattern.list.clearSelection')}
              </Button>
              {batchActions(selected.rows, () => {
                clearSelection();
                rows.reload();
              })}
            </Space>
          }
        />
      )}
      <Table<T>
        rowKey={rowKey}
        size={density}
        loading={rows.loading}
        dataSource={rows.data?.content ?? []}
        columns={shown}
        scroll={{ x: 'max-content' }}
        expandable={expandable}
        onRow={onRowClick ? (row) => ({ onClick: () => onRowClick(row), style: { cursor: 'pointer' } }) : undefined}
        rowSelection={
          batchActions ? { selectedRowKeys: selected.keys, onChange: (keys, chosen) => setSelected({ keys, rows: chosen }) } : undefined
        }
        onChange={(pagination, _filters, sorter) => params.onTableChange(pagination, sorter as never)}
        locale={{
          emptyText: filtered ? (
            <Empty description={t('listPattern.list.noMatch')}>
              <Button onClick={reset}>{t('listPattern.list.reset')}</Button>
            </Empty>
          ) : (
            <Empty description={empty.description}>{empty.action}</Empty>
          ),
        }}
        pagination={{
          current: params.page + 1,
          pageSize: params.size,
          total: rows.data?.totalElements ?? 0,
          showSizeChanger: true,
          pageSizeOptions,
          showTotal: (total) => t('common.total', { count: total }),
        }}
      />
    </>
  );
}

/** The sort props of a sortable column whose sort key is `key`, from the list's address. */
export function useSortable(defaults: { size: number; sort: string }) {
  const params = useTableParams(defaults);
  return (key: string) => ({ key, sorter: true, sortOrder: params.sortOrderOf(key) });
}
