// The mall (MALL-1, MALL-2, decisions 0050 and 0051): the demo owner 王建国 searches the mall for 机油, opens the
// store's own engine oil (it fits his 宝马 325Li), buys one 1L bottle at once paying 28 元 with points and the rest
// from the wallet (the test gave him both a moment ago), and sees the pick-up code of his paid order; the store's
// manager finds the order under 商城订单, puts it at the desk and hands it over against that code.
import { BASE_URL, expectTrue, keycloakLogin, newPage, onlyRow, screenshot, steps } from './lib.mjs';
import { OWNER_NAME, OWNER_PHONE, openOwnerPage } from './owner-app.mjs';

const OIL = '宝马原厂机油 5W-30';

export async function run(browser) {
  const phone = await newPage(browser, { phone: true, name: 'mall-owner' });
  let desk;
  let current = phone;
  let number = '';
  let code = '';

  await steps(() => current, 'mall', [
    ['the owner searches the mall for 机油 and opens the oil that fits his car', async () => {
      await phone.goto(`${BASE_URL}/app`);
      await phone.getByRole('button', { name: '登录' }).click();
      await keycloakLogin(phone, OWNER_PHONE);
      await phone.getByText(`您好，${OWNER_NAME}`).waitFor();
      await openOwnerPage(phone, '商城');
      await phone.getByLabel('搜索商品').fill('机油');
      await phone.getByRole('button', { name: '搜索', exact: true }).click();
      const card = phone.getByTestId('owner-mall-card').filter({ hasText: OIL });
      await card.waitFor();
      await screenshot(phone, 'owner-mall-search');
      await card.click();
      await phone.getByRole('heading', { name: OIL }).waitFor();
      await phone.getByRole('button', { name: '1L', exact: true }).click();
    }],
    ['he buys one at once, paying with points and the wallet, and gets the pick-up code', async () => {
      await phone.getByRole('button', { name: '立即购买' }).click();
      await phone.getByRole('radio', { name: '到店自提' }).check();
      // no coupon: the bottle's 128.00 元 is paid with 2,800 points (28 元) and 100 元 from the wallet
      await phone.getByTestId('checkout-due').waitFor();
      for (const box of await phone.getByTestId('checkout-coupon').getByRole('checkbox').all()) {
        if (await box.isChecked()) await box.uncheck();
      }
      await phone.getByTestId('checkout-due').filter({ hasText: '128.00' }).waitFor();
      await phone.getByLabel('积分抵扣').fill('2800');
      await phone.getByLabel('钱包支付').fill('100');
      await screenshot(phone, 'owner-mall-checkout');
      await phone.getByRole('button', { name: '提交订单' }).click();
      const shown = phone.getByTestId('owner-mall-pickup-code');
      await shown.waitFor();
      code = (await shown.innerText()).trim();
      expectTrue(/^[0-9]{6}$/.test(code), `the pick-up code reads: ${code}`);
      const page = await phone.locator('body').innerText();
      const found = page.match(/SC[0-9]{13}/);
      expectTrue(found !== null, `the order's number is on its page: ${page.slice(0, 400)}`);
      number = found[0];
      await screenshot(phone, 'owner-mall-order');
    }],
    ['the manager puts the order at the desk and hands it over against the code', async () => {
      desk = await newPage(browser, { name: 'mall-manager' });
      current = desk;
      await desk.goto(`${BASE_URL}/console/gz_tianhe/mall-orders`);
      await desk.getByRole('button', { name: '登录' }).click();
      await keycloakLogin(desk, 'manager.gz_tianhe');
      await desk.getByRole('heading', { name: '商城订单' }).waitFor();
      const search = desk.getByPlaceholder('订单号、手机号或姓名');
      await search.fill(number);
      await search.press('Enter');
      await onlyRow(desk, number);
      const row = desk.locator('.ant-table-row', { hasText: number });
      expectTrue((await row.innerText()).includes(OWNER_NAME), `the order's row reads: ${await row.innerText()}`);
      // antd spaces a two-character label: 详 情
      await row.getByRole('button', { name: /^详\s*情$/ }).click();
      await desk.getByText(`商城订单 ${number}`).waitFor();
      await desk.getByRole('button', { name: '备货完成' }).click();
      await desk.getByRole('button', { name: '确认备货完成' }).click();
      await desk.getByRole('button', { name: '取货核销' }).click();
      await desk.getByPlaceholder('6 位数字').fill(code);
      await desk.getByRole('button', { name: '下一步' }).click();
      await desk.getByRole('button', { name: '确认核销' }).click();
      await desk.getByText(`订单 ${number} 已取货核销`).waitFor();
      await screenshot(desk, 'console-mall-order-picked-up');
    }],
  ]);
  for (const page of [phone, desk]) await page?.context().close();
}
