import { describe, expect, it } from 'vitest';
import { foreignWords } from './latin.mjs';

describe('the browser suite\'s check for English inside the Chinese UI', () => {
  it('passes Chinese text with codes, plates, logins, prices and allowed names', () => {
    expect(foreignWords('门店 gz_tianhe · 经理 manager.gz_tianhe · 粤A·12345 · 宝马 325Li · ¥118,000 · 国六 b · 导出 Excel · DMS 对接 · 支持 .csv 和 .xlsx · CSV 模板 · English · 创建人 operator')).toEqual([]);
    expect(foreignWords('车架号 MZAMZAMZAMZAMZAMZ')).toEqual([]);
  });

  it('names every English word and leaked system value, once each', () => {
    expect(foreignWords('状态 CHANGES_REQUESTED；Sign in to your account；Sign in 版本 ownerVerification')).toEqual([
      'CHANGES_REQUESTED', 'Sign', 'in', 'to', 'your', 'account', 'ownerVerification',
    ]);
  });

  it('counts a word that only looks like a brand when its case differs', () => {
    expect(foreignWords('excel bmw')).toEqual(['excel', 'bmw']);
  });
});
