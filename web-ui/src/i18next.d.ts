import 'i18next';
import type zhCN from './locales/zh-CN.json';

// Type-checks t('…') keys against the default (zh-CN) locale file.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
