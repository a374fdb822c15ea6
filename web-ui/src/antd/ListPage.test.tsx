import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Button } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/client';
import i18n from '../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { ListPage, type ListPageProps } from './ListPage';

interface Row {
  id: string;
  name: string;
  city: string;
}

const ROWS: Row[] = [
  { id: 'r1', name: '张三', city: '广州' },
  { id: 'r2', name: '李四', city: '深圳' },
];
const page = (content: Row[]) => ({ content, page: 0, size: 20, totalElements: content.length, totalPages: 1 });

function renderList(props: Partial<ListPageProps<Row>> = {}, path = '/list', api: ApiClient = fakeApi({ get: vi.fn().mockResolvedValue(page(ROWS)) })) {
  renderWithAuth(
    <ListPage<Row>
      id={`test-${Math.random()}`}
      path="/api/rows"
      defaults={{ size: 20, sort: 'name,asc' }}
      rowKey="id"
      filters={[
        { name: 'q', kind: 'text', label: '名字', placeholder: '搜索名字' },
        { name: 'city', kind: 'select', label: '城市', options: [{ value: 'gz', label: '广州' }, { value: 'sz', label: '深圳' }], multiple: true },
      ]}
      columns={[
        { key: 'name', dataIndex: 'name', title: '名字' },
        { key: 'city', dataIndex: 'city', title: '城市' },
      ]}
      empty={{ description: '还没有记录，点击“新建”添加。', action: <Button>新建</Button> }}
      {...props}
    />,
    { auth: fakeAuth({ api }), path, route: '/list' },
  );
  return api as ApiClient & { get: ReturnType<typeof vi.fn>; download: ReturnType<typeof vi.fn> };
}

describe('ListPage', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('sends the query form to the list from the first page, and its reset clears it', async () => {
    const api = renderList({}, '/list?page=3');
    await screen.findByText('张三');

    fireEvent.change(screen.getByPlaceholderText('搜索名字'), { target: { value: '张' } });
    fireEvent.click(screen.getByText(/^查\s?询$/).closest('button')!);
    await waitFor(() => expect(api.get).toHaveBeenLastCalledWith('/api/rows', { q: '张', city: '', page: 0, size: 20, sort: 'name,asc' }, expect.anything()));

    fireEvent.click(screen.getByText(/^重\s?置$/).closest('button')!);
    await waitFor(() => expect(api.get).toHaveBeenLastCalledWith('/api/rows', { q: '', city: '', page: 0, size: 20, sort: 'name,asc' }, expect.anything()));
    expect(screen.getByPlaceholderText('搜索名字')).toHaveValue('');
  });

  it('exports with the same filters and sort as the rows shown, without paging', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const api = renderList({ exportable: true, fixedQuery: { status: 'OPEN' } }, '/list?q=张&city=gz,sz&sort=city,desc&page=2');
    await screen.findByText('张三');

    fireEvent.click(screen.getByText('导出 Excel'));

    await waitFor(() =>
      expect(api.download).toHaveBeenCalledWith('/api/rows/export', { status: 'OPEN', q: '张', city: 'gz,sz', sort: 'city,desc' }, expect.stringContaining('spreadsheetml')),
    );
  });

  it('sends a day range of business days as the days themselves, to the list and its export alike, and opens a clicked row', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const onRowClick = vi.fn();
    const api = renderList(
      { exportable: true, onRowClick, filters: [{ name: 'from', end: 'to', kind: 'dayRange', days: true, label: '营业日' }] },
      '/list?from=2026-12-01&to=2026-12-04',
    );
    fireEvent.click(await screen.findByText('李四'));
    expect(onRowClick).toHaveBeenCalledWith(ROWS[1]);
    expect(api.get).toHaveBeenCalledWith('/api/rows', { from: '2026-12-01', to: '2026-12-04', page: 0, size: 20, sort: 'name,asc' }, expect.anything());
    fireEvent.click(screen.getByText('导出 Excel'));
    await waitFor(() => expect(api.download).toHaveBeenCalledWith('/api/rows/export', { from: '2026-12-01', to: '2026-12-04', sort: 'name,asc' }, expect.stringContaining('spreadsheetml')));
  });

  it('offers no export unless the page allows it', async () => {
    renderList();
    await screen.findByText('张三');
    expect(screen.queryByText('导出 Excel')).not.toBeInTheDocument();
  });

  it('says what to do next when there is nothing yet, and how to get rows back when filters hide them', async () => {
    const empty = fakeApi({ get: vi.fn().mockResolvedValue(page([])) });
    renderList({}, '/list', empty);
    expect(await screen.findByText('还没有记录，点击“新建”添加。')).toBeInTheDocument();
    expect(screen.getByText(/^新\s?建$/)).toBeInTheDocument();
  });

  it('says the filters match nothing when a filter is set', async () => {
    const empty = fakeApi({ get: vi.fn().mockResolvedValue(page([])) });
    renderList({}, '/list?q=无此人', empty);
    expect(await screen.findByText(/没有符合筛选条件的记录/)).toBeInTheDocument();
    expect(screen.queryByText('还没有记录，点击“新建”添加。')).not.toBeInTheDocument();
  });

  it('hides a column chosen in the column settings', async () => {
    renderList();
    await screen.findByText('张三');
    expect(screen.getByText('深圳')).toBeInTheDocument();

    fireEvent.click(screen.getByLabelText('列设置'));
    const settings = await screen.findByTestId('column-settings');
    fireEvent.click(within(settings).getByText('城市'));

    await waitFor(() => expect(screen.queryByText('深圳')).not.toBeInTheDocument());
    expect(screen.getByText('张三')).toBeInTheDocument();
  });

  it('hands the selected rows to the batch actions, which reload the list when done', async () => {
    const act = vi.fn();
    const api = renderList({
      batchActions: (selected, done) => (
        <Button
          onClick={() => {
            act(selected.map((r) => r.name));
            done();
          }}
        >
          批量处理
        </Button>
      ),
    });
    await screen.findByText('张三');
    expect(screen.queryByText('批量处理')).not.toBeInTheDocument();

    const row = screen.getByText('李四').closest('tr')!;
    fireEvent.click(within(row).getByRole('checkbox'));
    expect(screen.getByText('已选择 1 项')).toBeInTheDocument();
    fireEvent.click(screen.getByText('批量处理'));

    expect(act).toHaveBeenCalledWith(['李四']);
    await waitFor(() => expect(api.get).toHaveBeenCalledTimes(2));
    expect(screen.queryByText('已选择 1 项')).not.toBeInTheDocument();
  });
});
