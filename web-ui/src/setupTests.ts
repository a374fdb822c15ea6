import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom lacks what Ant Design measures the screen with
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
// tables that scroll sideways measure the scroll bar through a pseudo-element, which jsdom does not implement
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

// findBy* and waitFor give up after 1 s by default: too short for Ant Design's forms in jsdom on a loaded build
// machine (nine field validations once took longer); what never happens still fails, only later
configure({ asyncUtilTimeout: 10000 });

afterEach(() => {
  cleanup();
});
