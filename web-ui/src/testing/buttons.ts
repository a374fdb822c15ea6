import { waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/*
 * Buttons by their text, without getByRole's accessible-name computation, which is slow over Ant Design's trees in
 * jsdom (seconds per query on a table or a form). A string matches the whole text with spaces removed: antd spaces
 * two-character labels (保 存); a pattern matches anywhere.
 */

function matches(element: HTMLElement, text: string | RegExp): boolean {
  const content = element.textContent ?? '';
  return typeof text === 'string' ? content.replace(/\s/g, '') === text.replace(/\s/g, '') : text.test(content);
}

/** The button of `within` (the page by default) whose text is `text`, or null. */
export function queryButton(text: string | RegExp, within: HTMLElement = document.body): HTMLElement | null {
  return [...within.querySelectorAll<HTMLElement>('button')].find((b) => matches(b, text)) ?? null;
}

/** The button of `within` whose text is `text`; fails when there is none. */
export function button(text: string | RegExp, within: HTMLElement = document.body): HTMLElement {
  const found = queryButton(text, within);
  expect(found, `a button ${String(text)}`).not.toBeNull();
  return found!;
}

/** The button of `within` whose text is `text`, once it appears. */
export async function findButton(text: string | RegExp, within: HTMLElement = document.body): Promise<HTMLElement> {
  let found: HTMLElement | null = null;
  await waitFor(() => {
    found = button(text, within);
  });
  return found!;
}

/** The open dialog (antd Modal, not a confirmation) whose title is `title`, once it appears. */
export async function findDialog(title: string): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await waitFor(() => {
    found = [...document.querySelectorAll<HTMLElement>('.ant-modal')].find((m) => m.querySelector('.ant-modal-title')?.textContent === title);
    expect(found, `a dialog ${title}`).toBeDefined();
  });
  return found!;
}
