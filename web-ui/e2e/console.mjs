// Store console: a store manager signs in, sees every page, creates a member, finds it and exports the found rows to
// Excel (read back here), sees the edit in the audit log under their name; a manager of another store signs in and
// finds neither the member nor a way into the first store.
import { join } from 'node:path';
import { ARTIFACTS, BASE_URL, expectTrue, keycloakLogin, newPage, onlyRow, pickFormOption, readXlsxRows, screenshot, steps, unique } from './lib.mjs';

/** The member form's own phone (the form also has 推荐人手机号; the required mark may lead the label). */
const MEMBER_PHONE = /^\*?\s*手机号$/;

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

export async function run(browser) {
  const page = await newPage(browser, { name: 'console' });
  const suffix = unique(6);
  const name = `端到端会员${suffix}`;
  const phone = `139${unique(8)}`;
  const plate = `粤E${suffix.slice(1)}`; // province, letter, 5 characters
  const vin = Array.from({ length: 17 }, (_, i) => VIN_CHARS[(Number(suffix) * (i + 7)) % VIN_CHARS.length]).join('');
  const staffName = `e2e.staff${suffix}`;
  const memberRow = () => page.locator('tr', { hasText: name });
  const importedOrder = `E2E-${suffix}`;
  const importedName = `导入客户${suffix}`;
  const importedPhone = `137${unique(8)}`;
  const importedPlate = `粤A${suffix.slice(1)}`;

  await steps(page, 'console', [
    ['manager.gz_tianhe signs in', async () => {
      await page.goto(`${BASE_URL}/console`);
      await page.getByRole('button', { name: '登录' }).click();
      await keycloakLogin(page, 'manager.gz_tianhe');
      await page.waitForURL(`${BASE_URL}/console/gz_tianhe`);
      await page.getByRole('heading', { name: '门店概览' }).waitFor();
      await page.getByText('最新会员').waitFor();
    }],
    ['the dashboard counts the demo members', async () => {
      const members = page.locator('[data-testid="count-members"] .ant-statistic-content-value');
      await members.waitFor();
      await page.waitForFunction(() => {
        const el = document.querySelector('[data-testid="count-members"] .ant-statistic-content-value');
        return el && Number(el.textContent?.replace(/\D/g, '')) >= 1;
      });
      const menu = await page.getByRole('menu').innerText();
      for (const item of ['概览', '会员与车辆', '待审核', '二手车', '维修工单', '积分规则', '员工与权限', '操作日志', '消息记录']) expectTrue(menu.includes(item), `menu lacks ${item}: ${menu}`);
      await screenshot(page, 'console-dashboard');
    }],
    ["the bell tells the manager of the demo cars waiting for review", async () => {
      // the demo data submits three cars; the store's consumer writes the reviewers' messages a moment later
      const bell = page.getByRole('button', { name: /^消息通知，\d+ 条未读$/ });
      const deadline = Date.now() + 30_000;
      while (/，0 条未读/.test((await bell.getAttribute('aria-label')) ?? '') && Date.now() < deadline) {
        await page.waitForTimeout(2_000);
        await page.reload();
      }
      expectTrue(!/，0 条未读/.test((await bell.getAttribute('aria-label')) ?? ''), 'the bell shows no unread message');
      await bell.click();
      const list = page.getByTestId('inbox-list');
      await list.getByText(/^新车源待审核：宝马/).first().waitFor();
      await screenshot(page, 'console-inbox');
      await page.keyboard.press('Escape');
    }],
    ['the member list shows the demo members', async () => {
      await page.getByRole('menu').getByRole('link', { name: '会员与车辆' }).click();
      await page.getByRole('heading', { name: '会员与车辆' }).waitFor();
      await page.locator('tr', { hasText: '王建国' }).waitFor();
      await screenshot(page, 'console-members');
    }],
    ["the demo owner's member page shows points from the demo repair orders", async () => {
      await page.locator('tr', { hasText: '王建国' }).getByRole('link', { name: '王建国' }).click();
      await page.getByRole('heading', { name: '王建国' }).waitFor();
      await page.getByText('可用积分').waitFor();
      await page.getByText(/^工单 WX-TH-0000\d 第 \d 行$/).first().waitFor();
      await screenshot(page, 'console-member-points');
      await page.getByRole('menu').getByRole('link', { name: '会员与车辆' }).click();
      await page.getByRole('heading', { name: '会员与车辆' }).waitFor();
    }],
    ["the manager imports a DMS file and sees the new customer's pending points on the member page", async () => {
      // one settled order of two lines for a customer the store does not know yet: the store's setting creates the
      // member; the first rules earn 1 point per customer-paid yuan and 0.5 per insurer-paid yuan, pending 7 days
      const at = (hoursAgo) =>
        new Date(Date.now() - hoursAgo * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
      const header = ['工单号', '开单时间', '结算时间', '客户姓名', '手机号', '车牌号', '里程', '行号', '类型', '项目/配件名称', '金额', '账户类型', '状态'];
      const line = (no, kind, what, amount, account) =>
        [importedOrder, at(3), at(1), importedName, importedPhone, importedPlate, '36000', no, kind, what, amount, account, '已结算'];
      const csv = [header, line('1', '工时', '常规保养', '300.00', '客户'), line('2', '配件', '前保险杠', '200.00', '保险')]
        .map((row) => row.join(','))
        .join('\r\n');
      await page.getByRole('menu').getByRole('link', { name: '工单导入' }).click();
      await page.getByRole('heading', { name: '工单导入' }).waitFor();
      await page.locator('input[type="file"]').setInputFiles({
        name: `工单导入${suffix}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8'),
      });
      // the import's card (the history table below has no 新建会员 column) once the background job is done
      const card = page.locator('.ant-card', { hasText: `工单导入${suffix}.csv` }).filter({ hasText: '新建会员' });
      await card.filter({ hasText: '已完成' }).waitFor();
      const count = (label) =>
        card.evaluate((el, l) => {
          const item = [...el.querySelectorAll('.ant-descriptions-item')].find(
            (i) => i.querySelector('.ant-descriptions-item-label')?.textContent?.trim() === l,
          );
          return item?.querySelector('.ant-descriptions-item-content')?.textContent?.trim();
        }, label);
      for (const [label, expected] of [['行数', '2 / 2'], ['新建工单', '1'], ['拒绝工单', '0'], ['新建会员', '1']]) {
        const shown = await count(label);
        expectTrue(shown === expected, `the import shows ${label} ${shown}, expected ${expected}`);
      }
      await screenshot(page, 'console-dms-import');
      await page.getByRole('menu').getByRole('link', { name: '会员与车辆' }).click();
      const search = page.getByPlaceholder('搜索姓名、手机号或车牌');
      await search.fill(importedPhone);
      await search.press('Enter');
      await onlyRow(page, importedName);
      await page.locator('tr', { hasText: importedName }).getByRole('link', { name: importedName }).click();
      await page.getByRole('heading', { name: importedName }).waitFor();
      const pending = page.locator('.ant-statistic', { hasText: '待到账' }).locator('.ant-statistic-content-value');
      await pending.waitFor();
      const points = (await pending.innerText()).replace(/\D/g, '');
      expectTrue(points === '400', `the member's pending points are ${points}, expected 300 + 200 × 0.5 = 400`);
      await page.getByText(`工单 ${importedOrder} 第 1 行`).first().waitFor();
      await page.getByText(`工单 ${importedOrder} 第 2 行`).first().waitFor();
      await screenshot(page, 'console-imported-member-points');
      await page.getByRole('menu').getByRole('link', { name: '会员与车辆' }).click();
      await page.getByRole('heading', { name: '会员与车辆' }).waitFor();
    }],
    ['a phone number taken by another member is refused beside the phone input', async () => {
      // the toolbar's button (while the list loads, its empty state offers the same button)
      await page.getByRole('button', { name: '新建会员' }).first().click();
      await page.getByRole('heading', { name: '新建会员' }).waitFor();
      await page.getByLabel('姓名').fill(name);
      await page.getByLabel(MEMBER_PHONE).fill('13800138001');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      // beside the phone input (the form's alert says it too)
      await page.locator('#profile_phone_help', { hasText: '本店已有会员使用此手机号。' }).waitFor();
      await page.locator('#profile_phone[aria-invalid="true"]').waitFor();
      await screenshot(page, 'console-member-create-refused');
    }],
    ['an ended session is renewed in a popup and the half-filled form keeps its values', async () => {
      await page.getByLabel(MEMBER_PHONE).fill(phone);
      // the gateway refuses the token once, as it does when the session has ended
      let refused = false;
      await page.route('**/api/stores/gz_tianhe/members', async (route) => {
        if (!refused && route.request().method() === 'POST') {
          refused = true;
          await route.fulfill({
            status: 401,
            contentType: 'application/problem+json',
            body: JSON.stringify({ type: 'https://m4s.dev/problems/unauthenticated', status: 401, title: 'Not authenticated' }),
          });
        } else {
          await route.continue();
        }
      });
      await page.getByRole('button', { name: /保\s*存/ }).click();
      const dialog = page.getByRole('alertdialog', { name: '登录已过期' });
      await dialog.waitFor();
      await screenshot(page, 'console-session-expired');
      // Keycloak still knows the browser: the popup signs in and closes by itself
      await Promise.all([page.waitForEvent('popup'), dialog.getByRole('button', { name: '重新登录' }).click()]);
      await dialog.waitFor({ state: 'hidden' });
      await page.unroute('**/api/stores/gz_tianhe/members');
      expectTrue((await page.getByLabel('姓名').inputValue()) === name, 'the name was lost');
      expectTrue((await page.getByLabel(MEMBER_PHONE).inputValue()) === phone, 'the phone was lost');
    }],
    ['the manager creates a member with a vehicle', async () => {
      await page.getByRole('button', { name: '添加车辆' }).click();
      await page.getByLabel('车牌').fill(plate);
      await page.getByLabel('车架号').fill(vin);
      await page.getByLabel('车型').fill('宝马 325Li');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByRole('heading', { name }).waitFor();
      await page.locator('tr', { hasText: plate.toUpperCase() }).waitFor();
      await screenshot(page, 'console-member-edit');
    }],
    ['the new member is found in the list by name and by plate', async () => {
      await page.getByRole('menu').getByRole('link', { name: '会员与车辆' }).click();
      const search = page.getByPlaceholder('搜索姓名、手机号或车牌');
      for (const term of [name, plate]) {
        await search.fill(term);
        await search.press('Enter');
        await page.waitForFunction((t) => new URL(window.location.href).searchParams.get('q') === t, term);
        await onlyRow(page, name);
      }
    }],
    ['the manager exports the filtered member list to Excel and the file holds exactly the rows shown', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
      const file = join(ARTIFACTS, 'console-members-export.xlsx');
      await download.saveAs(file);
      const fileName = download.suggestedFilename();
      expectTrue(fileName.startsWith('会员') && fileName.endsWith('.xlsx'), `the file is named ${fileName}`);
      const rows = await readXlsxRows(file);
      expectTrue(['姓名', '手机号', '车牌'].every((h) => rows[0]?.includes(h)), `the headers are ${JSON.stringify(rows[0])}`);
      expectTrue(rows.length === 2, `expected the one member the list shows, the file has ${rows.length - 1} rows: ${JSON.stringify(rows)}`);
      const row = rows[1].join(' ');
      expectTrue(row.includes(name) && row.includes(phone) && row.includes(plate.toUpperCase()), `the exported row is ${row}`);
    }],
    ['the manager invites staff, sees the one-time password, and disables them after confirming', async () => {
      await page.getByRole('menu').getByRole('link', { name: '员工与权限' }).click();
      await page.getByRole('heading', { name: '员工与权限' }).waitFor();
      await page.getByRole('button', { name: /邀请员工/ }).first().click(); // the toolbar's (the page header may offer it too)
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('用户名').fill(staffName);
      await dialog.getByLabel('姓名').fill(`员工${suffix}`);
      await pickFormOption(page, dialog, '角色', '员工');
      await pickFormOption(page, dialog, '部门', '销售');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      const password = page.getByTestId('initial-password');
      await password.waitFor();
      expectTrue((await password.innerText()).trim().length >= 8, 'no initial password shown');
      await screenshot(page, 'console-staff-invited');
      await page.getByRole('button', { name: '关 闭', exact: true }).click();
      const row = page.locator('tr', { hasText: staffName });
      await row.filter({ hasText: '正常' }).waitFor();
      await row.getByRole('button', { name: /停\s*用/ }).click();
      await page.getByText(`确定停用 员工${suffix} 的账号？停用后无法登录。`).waitFor();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /停\s*用/ }).click();
      await row.filter({ hasText: '已停用' }).waitFor();
      await screenshot(page, 'console-staff');
    }],
    ['audit log and message log open', async () => {
      await page.getByRole('menu').getByRole('link', { name: '操作日志' }).click();
      await page.getByRole('heading', { name: '操作日志' }).waitFor();
      // the member's creation under the manager's name and role, the object by its Chinese name and the member's
      const entry = page.locator('tr.ant-table-row', { hasText: name }).filter({ hasText: '林晓峰' }).first();
      await entry.waitFor();
      const text = await entry.innerText();
      expectTrue(text.includes('会员') && !/manager\.gz_tianhe|member\b|createdAt/.test(text), `the audit entry reads: ${text}`);
      await screenshot(page, 'console-audit');
      await page.getByRole('menu').getByRole('link', { name: '消息记录' }).click();
      await page.getByText(/消息记录|此版本尚未提供消息记录。/).first().waitFor();
      await screenshot(page, 'console-messages');
    }],
    ['English is complete on the console', async () => {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menu').getByRole('link', { name: 'Members & vehicles' }).click();
      await page.getByRole('heading', { name: 'Members and vehicles' }).waitFor();
      await screenshot(page, 'console-members-en');
      await page.getByRole('button', { name: '中文' }).click();
    }],
    ['the manager signs out', async () => {
      await page.getByRole('button', { name: /退出登录/ }).click();
      const confirm = page.locator('#kc-logout');
      await Promise.race([
        page.getByRole('button', { name: '登录' }).waitFor(),
        confirm.waitFor().then(() => confirm.click()),
      ]);
      await page.getByRole('button', { name: '登录' }).waitFor();
    }],
    ['manager.sz_futian signs in and does not see the member', async () => {
      await page.getByRole('button', { name: '登录' }).click();
      await keycloakLogin(page, 'manager.sz_futian');
      await page.waitForURL(`${BASE_URL}/console/sz_futian`);
      await page.getByRole('menu').getByRole('link', { name: '会员与车辆' }).click();
      const search = page.getByPlaceholder('搜索姓名、手机号或车牌');
      await search.fill(name);
      await search.press('Enter');
      // the list's empty state for a filter that hides every row (not the picture's hidden title)
      await page.getByText('没有符合筛选条件的记录').waitFor();
      expectTrue((await memberRow().count()) === 0, 'a member of gz_tianhe shows in sz_futian');
      await screenshot(page, 'console-other-store');
    }],
    ["manager.sz_futian cannot open gz_tianhe's console", async () => {
      await page.goto(`${BASE_URL}/console/gz_tianhe/members`);
      await page.getByText('您无权访问门店 gz_tianhe。').waitFor();
      expectTrue((await page.getByText(name).count()) === 0, 'the member shows on a refused page');
    }],
  ]);
  await page.context().close();
}
