import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
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
  { name: '门店工作台', href: '/console' },
  { name: '集团管理台', href: '/group' },
  { name: '车主应用', href: '/app' },
];
const EN = [
  { name: 'Store console', href: '/console' },
  { name: 'Group console', href: '/group' },
  { name: 'Owner app', href: '/app' },
];

function expectEntryLinks(entries: typeof ZH, comingSoon: string) {
  for (const { name, href } of entries) {
    const link = screen.getByRole('link', { name: new RegExp(name) });
    expect(link).toHaveAttribute('href', href);
    expect(within(link).getByText(comingSoon)).toBeInTheDocument();
  }
}

describe('App shell', () => {
  beforeEach(async () => {
    localStorage.clear();
    await i18n.changeLanguage(DEFAULT_LANGUAGE);
  });

  it('shows the product name and the three entry links in zh-CN by default', () => {
    renderAt('/');

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('M4S 汽车经销商集团平台');
    expectEntryLinks(ZH, '即将上线');
    expect(screen.queryByText('Store console')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches the texts to English and back', async () => {
    const user = userEvent.setup();
    renderAt('/');

    await user.click(screen.getByRole('button', { name: 'English' }));

    expectEntryLinks(EN, 'Coming soon');
    expect(screen.queryByText('门店工作台')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('M4S · Dealer Group Platform');
    expect(localStorage.getItem('m4s.language')).toBe('en');

    await user.click(screen.getByRole('button', { name: '中文' }));
    expectEntryLinks(ZH, '即将上线');
  });

  it.each([
    ['/console', '门店工作台'],
    ['/group', '集团管理台'],
    ['/app', '车主应用'],
  ])('renders the placeholder page at %s with a back link', async (path, title) => {
    const user = userEvent.setup();
    renderAt(path);

    expect(screen.getByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(screen.getByText('即将上线')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: '返回首页' }));
    expect(screen.getByRole('heading', { level: 2, name: '选择入口' })).toBeInTheDocument();
  });

  it('navigates from an entry card to its page', async () => {
    const user = userEvent.setup();
    renderAt('/');

    await user.click(screen.getByRole('link', { name: /集团管理台/ }));
    expect(screen.getByRole('heading', { level: 1, name: '集团管理台' })).toBeInTheDocument();
  });

  it('shows a not-found page for unknown paths', () => {
    renderAt('/nope');
    expect(screen.getByRole('heading', { level: 1, name: '页面不存在' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回首页' })).toHaveAttribute('href', '/');
  });
});
