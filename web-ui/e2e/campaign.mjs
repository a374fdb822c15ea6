// Points campaigns (PTS-3, MEM-4) across two managers and the owner app: manager.gz_tianhe tags the demo owner 王建国,
// builds a segment of that tag (one member), drafts a campaign for the segment and submits it — and may not approve
// it himself; the store's deputy manager, deputy.gz_tianhe, approves it; the grant job runs and the owner sees the
// campaign's points in the app.
import { BASE_URL, expectTrue, keycloakLogin, newPage, screenshot, steps, unique } from './lib.mjs';

const OWNER_NAME = '王建国';
const OWNER_PHONE = '13800138001';
const POINTS = 88;

/** Opens the campaign called `campaign` from the campaign list (its name is the row's link). */
async function openCampaign(page, campaign) {
  await page.getByRole('menu').getByRole('link', { name: '积分活动' }).click();
  await page.getByRole('heading', { name: '积分活动' }).waitFor();
  const drawer = page.getByRole('dialog').filter({ hasText: campaign });
  await page.locator('tr', { hasText: campaign }).getByRole('button', { name: campaign }).click();
  await drawer.waitFor();
  return drawer;
}

/** The value a drawer's description list shows beside `label`. */
async function described(scope, label) {
  return scope.evaluate((el, l) => {
    const item = [...el.querySelectorAll('.ant-descriptions-item')].find(
      (i) => i.querySelector('.ant-descriptions-item-label')?.textContent?.trim() === l,
    );
    return item?.querySelector('.ant-descriptions-item-content')?.textContent?.trim();
  }, label);
}

export async function run(browser) {
  const suffix = unique(6);
  const tag = `端到端${suffix}`;
  const segment = `端到端分群${suffix}`;
  const campaign = `端到端活动${suffix}`;
  const desk = await newPage(browser, { name: 'campaign-author' });
  let reviewer;
  let phone;
  let current = desk;

  await steps(() => current, 'campaign', [
    ['manager.gz_tianhe tags the demo owner on the member page', async () => {
      await desk.goto(`${BASE_URL}/console/gz_tianhe/members`);
      await desk.getByRole('button', { name: '登录' }).click();
      await keycloakLogin(desk, 'manager.gz_tianhe');
      await desk.getByRole('heading', { name: '会员与车辆' }).waitFor();
      const search = desk.getByPlaceholder('搜索姓名、手机号或车牌');
      await search.fill(OWNER_PHONE);
      await search.press('Enter');
      // the list re-renders with the search's one row: a click on the row of the page before it can be lost
      await desk.getByText('共 1 条').waitFor();
      await desk.locator('tr', { hasText: OWNER_NAME }).getByRole('link', { name: OWNER_NAME }).click();
      await desk.getByRole('heading', { name: OWNER_NAME }).waitFor();
      const panel = desk.locator('.ant-card', { hasText: '会员标签' });
      const input = panel.getByLabel('选择或输入标签');
      await input.click();
      await input.fill(tag);
      await input.press('Enter');
      await desk.keyboard.press('Escape');
      await panel.getByRole('button', { name: /保\s*存/ }).click();
      await desk.getByText('标签已保存').waitFor();
    }],
    ['the manager builds a segment of that tag: exactly the demo owner', async () => {
      await desk.getByRole('menu').getByRole('link', { name: '会员分群' }).click();
      await desk.getByRole('heading', { name: '会员分群' }).waitFor();
      await desk.getByRole('button', { name: /新建分群/ }).first().click();
      await desk.getByRole('heading', { name: '新建分群' }).waitFor();
      await desk.getByLabel('分群名称').fill(segment);
      await desk.getByLabel('第 1 个条件的类型').click();
      await desk.locator('.ant-select-item-option', { hasText: /^标签$/ }).click();
      const values = desk.getByLabel('第 1 个条件的取值');
      await values.click();
      await values.fill(tag);
      await desk.locator('.ant-select-item-option', { hasText: tag }).click();
      await desk.keyboard.press('Escape');
      await desk.getByText('当前共 1 位会员符合条件').waitFor();
      await desk.locator('.ant-table-row', { hasText: OWNER_PHONE }).waitFor();
      await desk.getByRole('button', { name: /保\s*存/ }).click();
      await desk.getByText('分群已保存，当前 1 位会员').waitFor();
      await screenshot(desk, 'console-segment');
    }],
    ['the manager drafts a campaign for the segment and submits it, and may not approve it himself', async () => {
      await desk.getByRole('menu').getByRole('link', { name: '积分活动' }).click();
      await desk.getByRole('heading', { name: '积分活动' }).waitFor();
      await desk.getByRole('button', { name: /新建活动/ }).first().click();
      const drawer = desk.getByRole('dialog').filter({ hasText: '新建积分活动' });
      await drawer.getByLabel('活动名称').fill(campaign);
      await drawer.getByLabel('发放原因').fill('端到端测试：老客户回馈');
      await drawer.getByLabel('每人积分').fill(String(POINTS));
      await drawer.getByRole('button', { name: /保\s*存/ }).click();
      const opened = desk.getByRole('dialog').filter({ hasText: campaign });
      await opened.getByLabel('选择会员分群').click();
      await desk.locator('.ant-select-item-option', { hasText: `${segment}（1 人）` }).click();
      await opened.getByRole('button', { name: '从分群添加' }).click();
      await opened.getByText(`分群“${segment}”当前 1 人：新增 1 人，0 人已在活动中`).waitFor();
      await opened.getByRole('button', { name: '提交审核' }).click();
      await desk.locator('.ant-popconfirm').getByRole('button', { name: '提交审核' }).click();
      await opened.locator('.ant-tag', { hasText: '待审核' }).waitFor();
      await opened.getByText('这是您创建的活动，须由另一位经理审核。').waitFor();
      expectTrue((await opened.getByRole('button', { name: /批\s*准/ }).count()) === 0, 'the author is offered to approve');
      await screenshot(desk, 'console-campaign-submitted');
    }],
    ['deputy.gz_tianhe approves it and the store grants the points once', async () => {
      reviewer = await newPage(browser, { name: 'campaign-reviewer' });
      current = reviewer;
      await reviewer.goto(`${BASE_URL}/console/gz_tianhe/point-campaigns`);
      await reviewer.getByRole('button', { name: '登录' }).click();
      await keycloakLogin(reviewer, 'deputy.gz_tianhe');
      const drawer = await openCampaign(reviewer, campaign);
      await drawer.getByRole('button', { name: /批\s*准/ }).click();
      await reviewer.locator('.ant-popconfirm').getByRole('button', { name: /批\s*准/ }).click();
      // the approval asks the store's grant job to run right after it commits; the open drawer polls its progress
      await drawer.locator('.ant-tag', { hasText: '已完成' }).waitFor({ timeout: 60_000 });
      for (const [label, expected] of [['已发放会员', '1'], ['已发放积分', String(POINTS)], ['已跳过会员', '0']]) {
        const shown = await described(drawer, label);
        expectTrue(shown === expected, `the campaign shows ${label} ${shown}, expected ${expected}`);
      }
      await screenshot(reviewer, 'console-campaign-granted');
    }],
    ["the owner sees the campaign's points in the app", async () => {
      phone = await newPage(browser, { phone: true, name: 'campaign-owner' });
      current = phone;
      await phone.goto(`${BASE_URL}/app`);
      await phone.getByRole('button', { name: '登录' }).click();
      await keycloakLogin(phone, OWNER_PHONE);
      await phone.getByText(`您好，${OWNER_NAME}`).waitFor();
      await phone.getByRole('navigation').getByRole('link', { name: '我的积分' }).click();
      await phone.getByTestId('owner-points-available').waitFor();
      const entry = phone.getByTestId('owner-points-entry').filter({ hasText: `活动奖励：${campaign}` });
      await entry.waitFor();
      const text = await entry.innerText();
      expectTrue(text.includes(`+${POINTS}`), `the owner's entry reads: ${text}`);
      await screenshot(phone, 'owner-campaign-points');
    }],
  ]);
  for (const page of [desk, reviewer, phone]) await page?.context().close();
}
