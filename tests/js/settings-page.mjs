// Drives the connector's merchant settings page in headless Chromium (Debian's /usr/bin/chromium via playwright-core):
// logs in with the admin token, changes a select, a checkbox and a localized text, saves, and reads the page back.
// Usage: node tests/js/settings-page.mjs <connectorUrl> <adminToken> <description> [screenshotDir]
// Prints one line "RESULT {json}"; exits 0 when the page reported the save, 1 otherwise.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [connectorUrl, adminToken, description, screenshotDir = 'artifacts/screenshots'] = process.argv.slice(2);
if (!connectorUrl || !adminToken || !description) {
  console.error('usage: node settings-page.mjs <connectorUrl> <adminToken> <description> [screenshotDir]');
  process.exit(2);
}

mkdirSync(screenshotDir, { recursive: true });
// Same flags as checkout.mjs: no sandbox as root, and nothing but loopback pages requested.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  timeout: 30_000,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
  ],
});

const result = { steps: [] };
let page;
const shot = async (name) => {
  const file = join(screenshotDir, `settings-${String(result.steps.length).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  result.steps.push({ name, url: page.url(), screenshot: file });
};

let ok = false;
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  context.setDefaultTimeout(20_000);
  page = await context.newPage();

  // Not logged in: the page sends us to the login form.
  await page.goto(`${connectorUrl}/admin/settings`);
  await page.waitForURL('**/admin/login');
  await shot('login');
  await page.fill('input[name="token"]', adminToken);
  await Promise.all([page.waitForURL('**/admin/settings'), page.click('#login-button')]);
  await shot('settings');

  result.before = {
    buttonShape: await page.inputValue('select[name="f.buttonShape"]'),
    acceptVenmo: await page.isChecked('input[type=checkbox][name="f.acceptVenmo"]'),
  };
  await page.selectOption('select[name="f.buttonShape"]', 'pill');
  await page.uncheck('input[type=checkbox][name="f.acceptVenmo"]');
  await page.fill('input[name="f.paymentDescription.en"]', description);
  await page.selectOption('select[name="f.paypalButtonConfig.buttonColor"]', 'blue');
  await Promise.all([page.waitForURL('**/admin/settings?saved=1'), page.click('#save')]);
  await shot('saved');

  result.notice = (await page.textContent('#notice'))?.trim();
  result.after = {
    buttonShape: await page.inputValue('select[name="f.buttonShape"]'),
    acceptVenmo: await page.isChecked('input[type=checkbox][name="f.acceptVenmo"]'),
    description: await page.inputValue('input[name="f.paymentDescription.en"]'),
    buttonColor: await page.inputValue('select[name="f.paypalButtonConfig.buttonColor"]'),
  };
  ok = result.notice === 'Saved.';
} catch (error) {
  result.error = String(error);
  if (page) {
    await shot('error').catch(() => {});
  }
} finally {
  await browser.close();
}

console.log('RESULT ' + JSON.stringify(result));
process.exit(ok ? 0 : 1);
