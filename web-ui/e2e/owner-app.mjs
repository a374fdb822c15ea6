// The owner app as the suites use it: its navigation (four entries in a row, the rest under 更多) and the demo owner's
// 待支付, for the suites that pay a repair order the test sent for them a moment ago.
import { BASE_URL, keycloakLogin } from './lib.mjs';

export const OWNER_NAME = '王建国';
export const OWNER_PHONE = '13800138001';

/** Opens the app (signing the demo owner in first unless `signedIn`), then the checkout sheet of order `number`. */
export async function openPayable(phone, number, { signedIn = false } = {}) {
  await phone.goto(`${BASE_URL}/app`);
  if (!signedIn) {
    await phone.getByRole('button', { name: '登录' }).click();
    await keycloakLogin(phone, OWNER_PHONE);
  }
  await phone.getByText(`您好，${OWNER_NAME}`).waitFor();
  await phone.getByRole('navigation').getByRole('link', { name: '待支付' }).click();
  await phone.getByTestId('owner-payable').filter({ hasText: number }).getByRole('button', { name: '去支付' }).click();
}

/**
 * Opens an owner page by its name in the navigation: from the row when it is one of the four, else from 更多's grid.
 */
export async function openOwnerPage(phone, name) {
  const nav = phone.getByRole('navigation');
  const inRow = nav.locator('.owner-nav__main').getByRole('link', { name, exact: true });
  if ((await inRow.count()) > 0) {
    await inRow.click();
    return;
  }
  await nav.getByRole('button', { name: '更多' }).click();
  await phone.getByTestId('owner-nav-more').getByRole('link', { name, exact: true }).click();
}
