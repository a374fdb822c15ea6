import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import i18n from '../../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../../testing/renderWithAuth';
import { ImportProgress, POLL_MS, UploadCard } from './DmsImport';

const summary = {
  id: 'imp-1',
  kind: 'REPAIR_ORDERS',
  fileName: '十二月工单.xlsx',
  format: 'XLSX',
  status: 'RUNNING',
  rowsTotal: 1000,
  rowsDone: 500,
  rowsRejected: 0,
  ordersTotal: 500,
  ordersDone: 250,
  ordersCreated: 240,
  ordersUpdated: 6,
  ordersUnchanged: 4,
  ordersRejected: 0,
  membersCreated: 30,
  createdBy: 'manager',
  createdAt: '2026-12-03T02:00:00Z',
};
const done = {
  summary: { ...summary, status: 'DONE', rowsDone: 1000, rowsRejected: 2, ordersDone: 500, ordersCreated: 494, ordersRejected: 2 },
  rejected: [
    { rowNo: 12, dmsNumber: 'RO-BAD1', problem: 'dms-import-number', reason: '金额“十块”不是有效数字。' },
    { rowNo: 22, dmsNumber: 'RO-BAD2', problem: 'dms-import-value', reason: '类型“喷漆”不是 工时/配件 之一。' },
  ],
};

describe('DmsImport', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:template');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows a running import until it is done, and asks no more after that', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const clean = { summary: { ...done.summary, rowsRejected: 0, ordersRejected: 0 }, rejected: [] };
    const get = vi.fn().mockResolvedValueOnce({ summary, rejected: [] }).mockResolvedValue(clean);
    const onFinished = vi.fn();
    renderWithAuth(<ImportProgress store="gz_tianhe" id="imp-1" onFinished={onFinished} />, { auth: fakeAuth({ api: fakeApi({ get }) }) });

    expect(await screen.findByText('导入中')).toBeInTheDocument();
    expect(screen.getByText('500 / 1000')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/stores/gz_tianhe/repair-orders/imports/imp-1');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(POLL_MS);
    });
    expect(await screen.findByText('已完成')).toBeInTheDocument();
    expect(screen.getByText('1000 / 1000')).toBeInTheDocument();
    expect(onFinished).toHaveBeenCalledTimes(1);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    });
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('shows the rejected rows of a finished import with their reasons', async () => {
    renderWithAuth(<ImportProgress store="gz_tianhe" id="imp-1" />, { auth: fakeAuth({ api: fakeApi({ get: vi.fn().mockResolvedValue(done) }) }) });
    expect(await screen.findByText('被拒绝的行（2）')).toBeInTheDocument();
    expect(screen.getByText('金额“十块”不是有效数字。')).toBeInTheDocument();
    expect(screen.getByText('RO-BAD2')).toBeInTheDocument();
    expect(screen.getByText('下载被拒绝的行')).toBeInTheDocument();
  });

  it('counts a file of customers in customers, without order numbers', async () => {
    const customers = {
      summary: { ...done.summary, kind: 'CUSTOMERS', ordersCreated: 7, ordersUpdated: 3, ordersRejected: 1 },
      rejected: [{ rowNo: 5, dmsNumber: null, problem: 'dms-vehicle-elsewhere', reason: '车辆 粤A1C001 已属于本店另一位会员' }],
    };
    renderWithAuth(<ImportProgress store="gz_tianhe" id="imp-1" />, { auth: fakeAuth({ api: fakeApi({ get: vi.fn().mockResolvedValue(customers) }) }) });
    expect(await screen.findByText('新建会员')).toBeInTheDocument();
    expect(screen.getByText('补充车辆')).toBeInTheDocument();
    expect(screen.getByText('车辆 粤A1C001 已属于本店另一位会员')).toBeInTheDocument();
    expect(screen.queryByText('工单号')).toBeNull();
    expect(screen.queryByText('新建工单')).toBeNull();
  });

  it('uploads a dropped file and hands over the queued import, and offers both templates', async () => {
    const upload = vi.fn().mockResolvedValue(summary);
    const api = fakeApi({ upload });
    const onStarted = vi.fn();
    renderWithAuth(<UploadCard store="gz_tianhe" onStarted={onStarted} />, { auth: fakeAuth({ api }) });

    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.accept).toBe('.csv,.xlsx');
    fireEvent.change(input, { target: { files: [new File(['工单号'], '十二月工单.xlsx')] } });

    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(summary));
    const [path, form] = upload.mock.calls[0] as [string, FormData];
    expect(path).toBe('/api/stores/gz_tianhe/repair-orders/imports?kind=REPAIR_ORDERS');
    expect(form.get('file')).toBeInstanceOf(File);

    fireEvent.click(screen.getByText('下载 Excel 模板'));
    await waitFor(() =>
      expect(api.download).toHaveBeenCalledWith(
        '/api/stores/gz_tianhe/repair-orders/imports/template.xlsx?kind=REPAIR_ORDERS',
        undefined,
        expect.stringContaining('spreadsheetml'),
      ),
    );
    fireEvent.click(screen.getByText('下载 CSV 模板'));
    await waitFor(() =>
      expect(api.download).toHaveBeenCalledWith('/api/stores/gz_tianhe/repair-orders/imports/template.csv?kind=REPAIR_ORDERS', undefined, 'text/csv'),
    );
  });

  it('imports customers and vehicles when that is what the file holds, with their own template and hint', async () => {
    const upload = vi.fn().mockResolvedValue({ ...summary, kind: 'CUSTOMERS' });
    const api = fakeApi({ upload });
    renderWithAuth(<UploadCard store="gz_tianhe" onStarted={vi.fn()} />, { auth: fakeAuth({ api }) });

    fireEvent.click(screen.getByText('客户与车辆'));
    expect(screen.getByText(/每行一位客户/)).toBeTruthy();
    fireEvent.change(document.querySelector('input[type="file"]') as HTMLInputElement, {
      target: { files: [new File(['客户姓名'], '客户.csv')] },
    });

    await waitFor(() => expect(upload).toHaveBeenCalled());
    expect((upload.mock.calls[0] as [string, FormData])[0]).toBe('/api/stores/gz_tianhe/repair-orders/imports?kind=CUSTOMERS');
    fireEvent.click(screen.getByText('下载 CSV 模板'));
    await waitFor(() =>
      expect(api.download).toHaveBeenCalledWith('/api/stores/gz_tianhe/repair-orders/imports/template.csv?kind=CUSTOMERS', undefined, 'text/csv'),
    );
  });

  it('says why an upload was refused, in the problem the server sent', async () => {
    const upload = vi.fn().mockRejectedValue(
      new ApiError(422, { type: 'https://m4s.dev/problems/dms-file-columns', status: 422, title: '缺少列', detail: '文件缺少以下列：行号。请使用模板。' }, 'zh-CN'),
    );
    renderWithAuth(<UploadCard store="gz_tianhe" onStarted={vi.fn()} />, { auth: fakeAuth({ api: fakeApi({ upload }) }) });
    fireEvent.change(document.querySelector('input[type="file"]') as HTMLInputElement, { target: { files: [new File(['x'], 'a.csv')] } });
    expect(await screen.findByText('文件缺少以下列：行号。请使用模板。', { exact: false })).toBeInTheDocument();
  });
});
