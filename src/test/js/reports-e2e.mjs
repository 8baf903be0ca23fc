// Managers and marketing see the closed loop in a real (headless) Chromium:
// 1. the manager logs in to Cockpit and the "SLA breaches" dashboard plugin lists the breach of the given lead,
//    linked to its process instance;
// 2. a marketing user logs in on the reports page and the four charts and two tables are drawn;
// 3. so does a process owner, who may not use Tasklist (the page's login is the app's, not a webapp's), and logs out.
// Usage: node reports-e2e.mjs <baseUrl> <manager> <marketing> <password> <leadName> <processInstanceId> <from> <to> <screenshotDir> <processOwner>
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [baseUrl, manager, marketing, password, leadName, processInstanceId, from, to, shots, owner] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const fail = (message) => { throw new Error(message); };
const watch = (page) => {
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('response', (response) => response.status() >= 400 && console.error(`HTTP ${response.status()} ${response.url()}`));
};

async function cockpit() {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1200 } })).newPage();
  page.setDefaultTimeout(30_000);
  watch(page);
  try {
    await page.goto(`${baseUrl}/camunda/app/cockpit/default/`);
    await page.getByPlaceholder('Username').fill(manager);
    await page.getByPlaceholder('Password').fill(password);
    await page.getByRole('button', { name: /log in/i }).click();
    const plugin = page.locator('.lead-handoff-sla-breaches');
    const row = plugin.locator('tr.breach', { hasText: leadName });
    await row.waitFor();
    const link = row.locator(`a[href="#/process-instance/${processInstanceId}/runtime"]`);
    (await link.count()) === 1 || fail(`no link to process instance ${processInstanceId} in: ${await row.innerText()}`);
    (await row.innerText()).includes('ACCEPT') || fail(`the breach row does not name the ACCEPT SLA: ${await row.innerText()}`);
    await plugin.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/cockpit-sla-breaches.png`, fullPage: true });
    // the filter by team keeps the row; the link opens the process instance in Cockpit
    await plugin.locator('select[data-filter="team"]').selectOption('sales-emea');
    await row.waitFor();
    await link.click();
    await page.waitForURL(`**/process-instance/${processInstanceId}/**`);
    console.log('reports e2e: Cockpit lists the breach and links to its process instance');
  } catch (error) {
    await page.screenshot({ path: `${shots}/cockpit-failure.png`, fullPage: true });
    throw error;
  }
}

async function reportsPage(user, shot) {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1600 } })).newPage();
  page.setDefaultTimeout(30_000);
  watch(page);
  try {
    await page.goto(`${baseUrl}/reports/?from=${from}&to=${to}`);
    await page.getByLabel('User').fill(user);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForSelector('body[data-drawn="true"]');
    const drawn = await page.evaluate(() => ['chart-funnel', 'chart-campaigns', 'chart-sla', 'chart-rejections'].map((id) => {
      const chart = Chart.getChart(id);
      const canvas = document.getElementById(id);
      return { id, type: chart?.config.type, points: chart?.data.datasets.flatMap((d) => d.data).filter((v) => v !== null).length,
        width: canvas.width, height: canvas.height };
    }));
    for (const chart of drawn) {
      (chart.type && chart.points > 0 && chart.width > 0 && chart.height > 0) || fail(`chart not drawn: ${JSON.stringify(chart)}`);
    }
    const captured = await page.evaluate(() => Chart.getChart('chart-funnel').data.datasets[0].data[0]);
    captured > 0 || fail(`the funnel shows no captured lead: ${captured}`);
    (await page.locator('#table-rules tbody tr').count()) > 0 || fail('the MQL rules table is empty');
    (await page.locator('#who').innerText()).includes(user) || fail(`the page does not say ${user} is logged in`);
    await page.screenshot({ path: `${shots}/${shot}.png`, fullPage: true });
    console.log(`reports e2e (${user}): ${drawn.map((c) => `${c.id} (${c.type}, ${c.points} values)`).join(', ')}`);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('User').waitFor();
    (await page.request.get(`${baseUrl}/api/reports/funnel`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).status() === 401
      || fail('after the logout the reports API still answers');
  } catch (error) {
    await page.screenshot({ path: `${shots}/${shot}-failure.png`, fullPage: true });
    throw error;
  }
}

try {
  await cockpit();
  await reportsPage(marketing, 'reports-page');
  await reportsPage(owner, 'reports-page-process-owner');
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await browser.close();
}
