import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import i18n from '../i18n';
import { fakeApi, fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { SignUp } from './SignUp';

const TIANHE = { code: 'gz_tianhe', name: '广州宝悦天河宝马4S店', address: '广州市天河区黄埔大道西 638 号', phone: '020-38823888', timeZone: 'Asia/Shanghai' };
const FUTIAN = { code: 'sz_futian', name: '深圳星辉福田奔驰4S店', address: null, phone: null, timeZone: 'Asia/Shanghai' };

/** GET answers: the card of gz_tianhe, 404 for other cards, the two stores for the list. */
function stores() {
  return vi.fn().mockImplementation(async (path: string) => {
    if (path === '/api/stores/gz_tianhe/card') return TIANHE;
    if (path === '/api/stores') return [TIANHE, FUTIAN];
    throw new ApiError(404, { type: 'https://m4s.dev/problems/store-not-found', detail: '门店不存在' });
  });
}

function renderSignUp(api: ReturnType<typeof fakeApi>, path = '/app/signup?store=gz_tianhe') {
  const auth = fakeAuth({ status: 'signedOut', claims: undefined, api });
  return renderWithAuth(<SignUp />, { auth, path, route: '/app/signup' });
}

describe('owner SignUp', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('takes the store from the address, names it, and checks the phone before sending a code', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeApi({ get: stores() });
    renderSignUp(api);

    const store = await screen.findByTestId('signup-store');
    expect(store).toHaveTextContent('注册门店广州宝悦天河宝马4S店');
    expect(store).not.toHaveTextContent('gz_tianhe');
    expect(screen.queryByRole('textbox', { name: /门店/ })).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '12345' } });
    await user.click(screen.getByRole('button', { name: '获取验证码' }));

    expect(screen.getByText('请输入 11 位手机号')).toBeInTheDocument();
    expect(screen.getByLabelText('手机号')).toHaveAttribute('aria-invalid', 'true');
    expect(api.post).not.toHaveBeenCalled();
  });

  it('without a store in the address, offers the stores by name and signs up in the one picked', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeApi({ get: stores(), post: vi.fn().mockResolvedValue({ expiresInSeconds: 600, resendInSeconds: 60 }) });
    renderSignUp(api, '/app/signup');

    const picker = await screen.findByLabelText('选择门店');
    await screen.findByRole('option', { name: '深圳星辉福田奔驰4S店' });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13900139001' } });
    await user.click(screen.getByRole('button', { name: '获取验证码' }));
    expect(screen.getByText('请选择门店', { selector: '.owner-field__error' })).toBeInTheDocument();
    expect(api.post).not.toHaveBeenCalled();

    fireEvent.change(picker, { target: { value: 'sz_futian' } });
    await user.click(screen.getByRole('button', { name: '获取验证码' }));
    expect(api.post).toHaveBeenCalledWith('/api/stores/sz_futian/owner-signup/codes', { phone: '13900139001' });
  });

  it('says when the store of the link does not exist and offers the stores instead', async () => {
    renderSignUp(fakeApi({ get: stores() }), '/app/signup?store=gz_gone');

    expect(await screen.findByText('链接中的门店不存在，请从下面选择您的门店。')).toBeInTheDocument();
    expect(await screen.findByRole('option', { name: '广州宝悦天河宝马4S店' })).toBeInTheDocument();
  });

  it('goes from phone to code to done without a username, then says to log in with the phone number', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeApi({
      get: stores(),
      post: vi.fn()
        .mockResolvedValueOnce({ expiresInSeconds: 600, resendInSeconds: 60 })
        .mockResolvedValueOnce({ username: 'owner.13800138001', memberId: 'm1', store: 'gz_tianhe', signInWithPhone: true }),
    });
    const { auth } = renderSignUp(api);
    await screen.findByTestId('signup-store');

    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800138001' } });
    await user.click(screen.getByRole('button', { name: '获取验证码' }));
    expect(api.post).toHaveBeenCalledWith('/api/stores/gz_tianhe/owner-signup/codes', { phone: '13800138001' });
    expect(await screen.findByText('60 秒后可重新发送')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('验证码'), { target: { value: '123456' } });
    expect(screen.queryByLabelText('用户名')).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'geheim-2026' } });
    fireEvent.change(screen.getByLabelText('确认密码'), { target: { value: 'geheim-2026' } });
    await user.click(screen.getByRole('button', { name: '注册' }));

    expect(api.post).toHaveBeenLastCalledWith('/api/stores/gz_tianhe/owner-signup', {
      phone: '13800138001', code: '123456', password: 'geheim-2026',
    });
    expect(await screen.findByText('注册成功！请使用手机号 13800138001 登录。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(auth.signIn).toHaveBeenCalledWith('/app');
  });

  it('names the username when the phone has owner logins in other stores too', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeApi({
      get: stores(),
      post: vi.fn()
        .mockResolvedValueOnce({ expiresInSeconds: 600, resendInSeconds: 60 })
        .mockResolvedValueOnce({ username: 'owner.13800138001.gz_tianhe', memberId: 'm1', store: 'gz_tianhe', signInWithPhone: false }),
    });
    renderSignUp(api);
    await screen.findByTestId('signup-store');
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800138001' } });
    await user.click(screen.getByRole('button', { name: '获取验证码' }));

    fireEvent.change(await screen.findByLabelText('验证码'), { target: { value: '123456' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'geheim-2026' } });
    fireEvent.change(screen.getByLabelText('确认密码'), { target: { value: 'geheim-2026' } });
    await user.click(screen.getByRole('button', { name: '注册' }));

    expect(await screen.findByText('注册成功！该手机号在其他门店也有车主账号，请使用用户名 owner.13800138001.gz_tianhe 登录。')).toBeInTheDocument();
  });

  it('says so when the code is wrong and keeps what was typed', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeApi({
      get: stores(),
      post: vi.fn()
        .mockResolvedValueOnce({ expiresInSeconds: 600, resendInSeconds: 60 })
        .mockRejectedValueOnce(new ApiError(422, { type: 'https://m4s.dev/problems/code-invalid', detail: 'The code is wrong or expired.' })),
    });
    renderSignUp(api);
    await screen.findByTestId('signup-store');
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800138001' } });
    await user.click(screen.getByRole('button', { name: '获取验证码' }));

    fireEvent.change(await screen.findByLabelText('验证码'), { target: { value: '000000' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'geheim-2026' } });
    fireEvent.change(screen.getByLabelText('确认密码'), { target: { value: 'geheim-2026' } });
    await user.click(screen.getByRole('button', { name: '注册' }));

    expect(await screen.findByText('验证码错误或已过期')).toBeInTheDocument();
    expect(screen.getByLabelText('验证码')).toHaveValue('000000');
    expect(screen.getByLabelText('密码')).toHaveValue('geheim-2026');
  });
});
