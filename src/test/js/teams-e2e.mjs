// A team manager runs their team on the team page in a real (headless) Chromium: logs in, gives the team short Fridays,
// is told which field is wrong when two intervals overlap, adds a company day, gives a senior rep weight 2, and
// deactivates a rep, whose open lead the page then offers for hand-over and hands over to the team.
// Usage: node teams-e2e.mjs <baseUrl> <manager> <password> <team> <seniorRep> <leaverRep> <screenshotDir>
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [baseUrl, manager, password, team, senior, leaver, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const fail = (message) => { throw new Error(message); };
const page = await (await browser.newContext({ viewport: { width: 1400, height: 1800 } })).newPage();
page.setDefaultTimeout(30_000);
page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
const notice = async (text) => page.locator('#notice', { hasText: text }).waitFor();

try {
  await page.goto(`${baseUrl}/teams/`);
  await page.getByLabel('User').fill(manager);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForSelector(`body[data-loaded="${team}"]`);

  await page.getByLabel('Hours on FRIDAY').fill('09:00-13:00');
  await page.getByRole('button', { name: 'Save working time' }).click();
  await notice('Working time saved');
  (await page.getByLabel('Hours on FRIDAY').inputValue()) === '09:00-13:00' || fail('Friday\'s hours were not kept');

  await page.getByLabel('Hours on MONDAY').fill('09:00-13:00, 12:00-17:00');
  await page.getByRole('button', { name: 'Save working time' }).click();
  await page.locator('#settings-errors li', { hasText: 'workingHours.MONDAY intervals overlap' }).waitFor();
  await page.screenshot({ path: `${shots}/teams-refused-overlap.png`, fullPage: true });
  await page.getByLabel('Hours on MONDAY').fill('09:00-12:30, 13:30-17:00');
  await page.getByRole('button', { name: 'Save working time' }).click();
  await notice('Working time saved');

  await page.getByLabel('Company day').fill('2030-06-14');
  await page.getByLabel('What').fill('Summer offsite');
  await page.getByRole('button', { name: 'Add' }).click();
  await page.locator('#days-off tr', { hasText: 'Summer offsite (company day)' }).waitFor().catch(async () => {
    // the table lists the coming 120 days; the audit always lists the change
    await page.locator('#audit tr', { hasText: '2030-06-14 Summer offsite' }).waitFor();
  });

  const seniorRow = page.locator(`tr[data-rep="${senior}"]`);
  await seniorRow.getByLabel(`${senior} weight`).fill('2');
  await seniorRow.getByRole('button', { name: 'Save' }).click();
  await notice(`${senior} saved`);
  (await page.locator(`tr[data-rep="${senior}"]`).getByLabel(`${senior} weight`).inputValue()) === '2' || fail('the weight was not kept');

  const leaverRow = page.locator(`tr[data-rep="${leaver}"]`);
  await leaverRow.getByLabel(`${leaver} active`).uncheck();
  await leaverRow.getByRole('button', { name: 'Save' }).click();
  await page.locator('#hand-over-title', { hasText: `Hand over 1 open lead(s) of ${leaver}` }).waitFor();
  await page.getByLabel('Reason').fill('Leaves the company');
  await page.screenshot({ path: `${shots}/teams-hand-over.png`, fullPage: true });
  await page.getByRole('button', { name: 'Hand over' }).last().click();
  await notice('1 lead(s) handed over');
  await page.locator('#audit tr', { hasText: `handed over leads of ${leaver}` }).waitFor();
  await page.screenshot({ path: `${shots}/teams-page.png`, fullPage: true });
  console.log('teams e2e: short Fridays saved, overlap refused naming the field, company day added, weight 2, hand-over done');
} catch (error) {
  await page.screenshot({ path: `${shots}/teams-failure.png`, fullPage: true });
  console.error(error);
  process.exitCode = 1;
} finally {
  await browser.close();
}
