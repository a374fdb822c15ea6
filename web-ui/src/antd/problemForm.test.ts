import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import i18n from '../i18n';
import { problemMessage } from './problemForm';

const TAKEN = 'https://m4s.dev/problems/store-code-taken';

describe('problemMessage', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it("shows the server's detail when it is in the user's language", () => {
    const error = new ApiError(409, { type: TAKEN, detail: '门店代码“gz_x”已存在。' }, 'zh-CN');

    expect(problemMessage(i18n.t, error)).toBe('门店代码“gz_x”已存在。');
  });

  it("shows the UI's text for the problem type when the server answered in another language", () => {
    const error = new ApiError(409, { type: TAKEN, detail: "A store with code 'gz_x' already exists." }, 'en');

    expect(problemMessage(i18n.t, error)).toBe(i18n.t('problems.store-code-taken'));
  });

  it('follows a switch of language: the English detail once the user reads English', async () => {
    const error = new ApiError(409, { type: TAKEN, detail: "A store with code 'gz_x' already exists." }, 'en');
    await i18n.changeLanguage('en');

    expect(problemMessage(i18n.t, error)).toBe("A store with code 'gz_x' already exists.");
  });

  it("falls back to the server's detail for a type the UI has no text for, and to a generic text without one", () => {
    expect(problemMessage(i18n.t, new ApiError(409, { type: 'https://m4s.dev/problems/rebuild-running', detail: '索引正在重建' }))).toBe('索引正在重建');
    expect(problemMessage(i18n.t, new ApiError(500, {}))).toBe(i18n.t('problems.unexpected'));
  });
});
