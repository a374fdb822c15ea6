// Online payment and billing on the Stripe test fixture (issue 18): the demo owner 王建国 opens a repair order settled
// a moment ago (M4S_E2E_ORDER), pays 100 元 from the wallet and the rest by WeChat Pay: the QR code shows, the "phone"
// opens the code's page on the fixture and authorises, and the app shows 支付成功 with the receipt once Stripe's
// webhook has come through the gateway. A second order (M4S_E2E_ORDER2) is paid whole by Alipay: off to Alipay's page
// (the fixture's), authorised, and back on the app's return page, which asks Stripe and shows 支付成功. The owner then
// tops up the wallet by card: the card field of Stripe.js (the fixture's stand-in, loaded from its address as the
// real one is from js.stripe.com), 支付成功, and the money in 我的钱包. Then exec.huanan opens 订阅与账单 and sees the
// group's trial and its end date.
import { BASE_URL, expectTrue, keycloakLogin, newPage, screenshot, steps } from './lib.mjs';
import { openOwnerPage, openPayable } from './owner-app.mjs';

const ORDER = process.env.M4S_E2E_ORDER;
const ORDER2 = process.env.M4S_E2E_ORDER2;
const TRIAL_END = process.env.M4S_E2E_TRIAL_END; // the trial's last day as the page writes it, e.g. 2027年1月3日

export async function run(browser) {
  if (!ORDER || !ORDER2 || !TRIAL_END) throw new Error('M4S_E2E_ORDER, M4S_E2E_ORDER2 and M4S_E2E_TRIAL_END are set by the test');
  const phone = await newPage(browser, { phone: true, name: 'online-owner' });
  let wechat;
  let group;
  let current = phone;

  await steps(() => current, 'online-pay', [
    ['the owner chooses WeChat Pay for what the wallet does not pay and sees the QR code', async () => {
      await openPayable(phone, ORDER);
      await phone.getByTestId('checkout-due').waitFor();
      await phone.getByLabel('钱包支付').fill('100');
      await phone.getByLabel('微信支付').check();
      await phone.getByRole('button', { name: '确认支付' }).click();
      const code = phone.getByAltText(/^微信支付二维码，金额 .* 元$/);
      await code.waitFor();
      expectTrue((await code.getAttribute('src'))?.startsWith('data:image/png;base64,'), 'the QR code is an image');
      await screenshot(phone, 'owner-wechat-qr');
    }],
    ['the phone scans the code and authorises; the app shows 支付成功 with the receipt', async () => {
      const link = await phone.getByRole('link', { name: '在手机上打开' }).getAttribute('href');
      expectTrue(link?.startsWith('http'), `the code's page: ${link}`);
      wechat = await newPage(browser, { phone: true, name: 'online-wechat' });
      current = wechat;
      await wechat.goto(link);
      await wechat.locator('#authorize').click();
      await wechat.locator('#result[data-status="succeeded"]').waitFor();
      current = phone;
      await phone.getByText('支付成功').waitFor({ timeout: 30_000 });
      const receipt = await phone.locator('body').innerText();
      expectTrue(receipt.includes(ORDER) && receipt.includes('微信支付'), `the receipt reads: ${receipt}`);
      await screenshot(phone, 'owner-wechat-paid');
    }],
    ["the owner pays another order whole by Alipay: to Alipay's page, authorised, back to 支付成功", async () => {
      current = phone;
      await openPayable(phone, ORDER2, { signedIn: true });
      await phone.getByTestId('checkout-due').waitFor();
      await phone.getByLabel('钱包支付').fill('0');
      await phone.getByLabel('支付宝').check();
      await phone.getByRole('button', { name: '确认支付' }).click();
      // the app goes to Alipay by itself (the fixture's page stands for it)
      await phone.locator('#authorize').click();
      await phone.waitForURL(/\/app\/pay\/return\//);
      await phone.getByText('支付成功').waitFor({ timeout: 30_000 });
      const receipt = await phone.locator('body').innerText();
      expectTrue(receipt.includes(ORDER2) && receipt.includes('支付宝'), `the receipt reads: ${receipt}`);
      await screenshot(phone, 'owner-alipay-paid');
    }],
    ['the owner tops up the wallet by card in the card field of Stripe.js, and the money shows in 我的钱包', async () => {
      current = phone;
      await openOwnerPage(phone, '我的钱包');
      const total = phone.getByTestId('owner-wallet-total');
      const before = await total.innerText();
      await phone.getByLabel('充值金额（元）').fill('500');
      await phone.getByLabel('银行卡').check();
      await phone.getByRole('button', { name: '去支付 500.00 元' }).click();
      await phone.getByTestId('fixture-card-number').fill('4242 4242 4242 4242');
      await phone.getByRole('button', { name: '支付 500.00 元' }).click();
      await phone.getByText('支付成功').waitFor({ timeout: 30_000 });
      await screenshot(phone, 'owner-card-top-up-paid');
      await phone.getByRole('button', { name: '完成' }).click();
      await phone.getByText(/^在线充值（银行卡）/).first().waitFor({ timeout: 15_000 });
      const after = await total.innerText();
      const yuan = (text) => Number(text.replace(/,/g, ''));
      expectTrue(yuan(after) >= yuan(before) + 500, `the wallet went from ${before} to ${after}`);
      await screenshot(phone, 'owner-card-top-up-wallet');
    }],
    ["the group executive sees the group's trial and when it ends on 订阅与账单", async () => {
      group = await newPage(browser, { name: 'online-billing' });
      current = group;
      await group.goto(`${BASE_URL}/group`);
      await group.getByRole('button', { name: '登录' }).click();
      await keycloakLogin(group, 'exec.huanan');
      await group.waitForURL(`${BASE_URL}/group/huanan`);
      await group.getByRole('link', { name: '订阅与账单' }).click();
      await group.getByText('试用中').first().waitFor();
      const page = await group.locator('body').innerText();
      expectTrue(page.includes('试用截止') && page.includes(TRIAL_END), `the billing page reads: ${page}`);
      await screenshot(group, 'group-billing-trial');
    }],
  ]);
  for (const page of [phone, wechat, group]) await page?.context().close();
}
