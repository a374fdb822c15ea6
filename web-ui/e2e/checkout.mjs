// The checkout (WAL-2, WAL-3): the demo owner 王建国 opens a repair order settled a moment ago (M4S_E2E_ORDER, sent by
// the test as the DMS would) under 待支付; the sheet recommends 工时8折 + 满300减50 and says why; the owner picks
// 100元代金券 instead, pays the rest from the wallet, and manager.gz_tianhe finds the payment in 收款对账 for the day.
import { BASE_URL, expectTrue, keycloakLogin, newPage, screenshot, steps } from './lib.mjs';
import { OWNER_NAME, openPayable } from './owner-app.mjs';

const ORDER = process.env.M4S_E2E_ORDER;

export async function run(browser) {
  if (!ORDER) throw new Error('M4S_E2E_ORDER names the repair order to pay');
  const phone = await newPage(browser, { phone: true, name: 'checkout-owner' });
  let desk;
  let current = phone;

  await steps(() => current, 'checkout', [
    ['the owner opens the order under 待支付 and sees the recommended coupons and why', async () => {
      await openPayable(phone, ORDER);
      const explanation = phone.getByTestId('checkout-explanation');
      await explanation.waitFor();
      const why = await explanation.innerText();
      expectTrue(why.includes('100元代金券') && why.includes('多省 30.00 元'), `the sheet explains: ${why}`);
      // the demo owner may hold two 满300减50: the recommended one is ticked, the other says why it is not used
      const recommended = phone.getByTestId('checkout-coupon').filter({ hasText: '· 推荐' });
      const names = (await recommended.allInnerTexts()).map((text) => text.split(' · ')[0].trim()).sort();
      expectTrue(names.join('+') === '工时8折+满300减50', `recommended: ${names.join(', ')}`);
      for (const item of await recommended.all()) {
        expectTrue(await item.getByRole('checkbox').isChecked(), `a recommended coupon is not ticked: ${await item.innerText()}`);
      }
      expectTrue((await phone.getByTestId('checkout-due').innerText()).includes('470.00'), 'the recommended due is not 470.00');
      await screenshot(phone, 'owner-checkout-recommended');
    }],
    ['the owner picks 100元代金券 instead and pays the rest from the wallet', async () => {
      for (const item of await phone.getByTestId('checkout-coupon').filter({ hasText: '· 推荐' }).all()) {
        await item.getByRole('checkbox').uncheck();
      }
      await phone.getByLabel('100元代金券', { exact: true }).check();
      await phone.getByTestId('checkout-due').filter({ hasText: '500.00' }).waitFor();
      await phone.getByLabel('钱包支付').fill('500');
      await phone.getByTestId('checkout-rest').filter({ hasText: '还需支付 0.00 元' }).waitFor();
      await phone.getByRole('button', { name: '确认支付' }).click();
      await phone.getByText(`工单 ${ORDER} 已支付。`).waitFor();
      await screenshot(phone, 'owner-checkout-paid');
    }],
    ["the manager finds the payment in the day's reconciliation", async () => {
      desk = await newPage(browser, { name: 'checkout-manager' });
      current = desk;
      await desk.goto(`${BASE_URL}/console/gz_tianhe/payments`);
      await desk.getByRole('button', { name: '登录' }).click();
      await keycloakLogin(desk, 'manager.gz_tianhe');
      await desk.getByRole('heading', { name: '收款对账' }).waitFor();
      const search = desk.getByPlaceholder('姓名、手机号或工单号');
      await search.fill(ORDER);
      await search.press('Enter');
      const row = desk.locator('.ant-table-row', { hasText: ORDER });
      await row.waitFor();
      const text = await row.innerText();
      expectTrue(text.includes(OWNER_NAME) && text.includes('车主应用') && text.includes('500.00') && text.includes('100.00'),
        `the payment row reads: ${text}`);
      await screenshot(desk, 'console-reconciliation');
    }],
  ]);
  for (const page of [phone, desk]) await page?.context().close();
}
