// The demo owner's 待支付, shared by the suites that pay a repair order the test sent for them a moment ago.
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
