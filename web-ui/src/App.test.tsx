import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n, { DEFAULT_LANGUAGE } from './i18n';
import { App } from './App';

function renderAt(path = '/') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <App />
    </MemoryRouter>,
  );
}

const ZH = [
  { name: '门店工作台', href: '/console', who: '店长 · 员工' },
  { name: '集团管理台', href: '/group', who: '集团管理层' },
  { name: '车主应用', href: '/app', who: '车主' },
];
const EN = [
  { name: 'Store console', href: '/console', who: 'Managers · staff' },
  { name: 'Group console', href: '/group', who: 'Group executives' },
  { name: 'Owner app', href: '/app', who: 'Car owners' },
];

function expectEntryLinks(entries: typeof ZH) {
  for (const { name, href, who } of entries) {
    const link = screen.getByRole('link', { name: new RegExp(name) });
    expect(link).toHaveAttribute('href', href);
    expect(link).toHaveTextContent(who);
  }
}

describe('App', () => {
  beforeEach(async () => {
    localStorage.clear();
    sessionStorage.clear();
    await i18n.changeLanguage(DEFAULT_LANGUAGE);
    // what the gateway serves at /ui-config.json
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(JSON.stringify({ oidc: { authority: 'http://localhost:8180/realms/m4s', clientId: 'm4s-web' } }), {
          headers: { 'content-type': 'application/json' },
        }),
      ),
    );
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the product name and the three entry links in zh-CN by default', () => {
    renderAt('/');

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('M4S 汽车经销商集团平台');
    expectEntryLinks(ZH);
    expect(screen.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches the texts to English and back', async () => {
    const user = userEvent.setup();
    renderAt('/');

    await user.click(screen.getByRole('button', { name: 'English' }));

    expectEntryLinks(EN);
    expect(screen.queryByText('门店工作台')).not.toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('M4S · Dealer Group Platform');
    expect(localStorage.getItem('m4s.language')).toBe('en');

    await user.click(screen.getByRole('button', { name: '中文' }));
    expectEntryLinks(ZH);
  });

  it('asks a signed-out visitor of the store console to sign in', async () => {
    renderAt('/console');
    expect(await screen.findByText('请使用您的账号登录。', {}, { timeout: 30000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '登录' })).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('/ui-config.json', expect.anything());
  });

  it('welcomes a signed-out owner with log-in and sign-up', async () => {
    renderAt('/app');
    expect(await screen.findByRole('heading', { name: '欢迎使用车主服务' }, { timeout: 30000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '注册' })).toHaveAttribute('href', '/app/signup');
  });

  it('shows a not-found page for unknown paths', () => {
    renderAt('/nope');
    expect(screen.getByRole('heading', { level: 1, name: '页面不存在' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回首页' })).toHaveAttribute('href', '/');
  });
});
