import 'i18next';
import type zhHant from '../../locales/zh-Hant.json';

// Typed translation keys: `t('identify.placeCard')` is checked against the reference locale.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhHant };
  }
}
