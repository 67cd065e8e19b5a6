// Drives the sandbox's demo checkout in headless Chromium (Debian's /usr/bin/chromium through playwright-core).
// Usage: node tests/js/checkout.mjs <demoUrl> <paypal|card|decline|cancel> [screenshotDir]
// Prints one line "RESULT {json}" with what the pages showed; exits 0 when the path ended where it should, 1 otherwise.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [demoUrl, path, screenshotDir = 'artifacts/screenshots'] = process.argv.slice(2);
if (!demoUrl || !['paypal', 'card', 'decline', 'cancel'].includes(path)) {
  console.error('usage: node checkout.mjs <demoUrl> <paypal|card|decline|cancel> [screenshotDir]');
  process.exit(2);
}

mkdirSync(screenshotDir, { recursive: true });
// Flags from the machine notes: as root Chromium needs --no-sandbox; the background-networking flags keep it off the
// (closed) internet so nothing but the loopback pages is requested. Playwright gives each launch a new empty profile.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  timeout: 30_000,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
  ],
});

const result = { path, steps: [] };
let page;
const shot = async (name) => {
  const file = join(screenshotDir, `${path}-${String(result.steps.length).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  result.steps.push({ name, url: page.url(), screenshot: file });
};

try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  // Generous per step: the machine may be busy with builds; the xunit side bounds the whole run.
  context.setDefaultTimeout(30_000);
  page = await context.newPage();

  await page.goto(demoUrl);
  await shot('shop');
  await page.click('#add-DEMO-MUG');
  await page.waitForURL('**/cart');
  await page.goto(demoUrl + '/');
  await page.click('#add-DEMO-TSHIRT');
  await page.waitForURL('**/cart');
  result.cartTotal = (await page.textContent('#total'))?.trim();
  result.cartLines = await page.locator('tr.line').count();
  await shot('cart');

  if (path === 'card' || path === 'decline') {
    if (path === 'decline') {
      // The PayPal sandbox's (and the emulator's) trigger for a refused card.
      await page.fill('#card-name', 'CCREJECT-REFUSED');
    }
    await page.click('#pay-card');
  } else {
    await page.click('#pay-paypal');
    // The PayPal emulator's approval page.
    await page.waitForSelector('#approve');
    result.approvalAmount = (await page.textContent('#amount'))?.trim();
    result.approvalOrderId = new URL(page.url()).searchParams.get('token');
    await shot('paypal-approval');
    await page.click(path === 'cancel' ? '#cancel' : '#approve');
  }

  if (path === 'cancel') {
    await page.waitForURL('**/cart?message=*');
    result.message = (await page.textContent('#message'))?.trim();
    result.cartLinesAfter = await page.locator('tr.line').count();
    await shot('cancelled');
  } else {
    await page.waitForURL('**/result/**');
    result.paymentId = (await page.textContent('#payment-id'))?.trim();
    result.payPalOrderId = (await page.textContent('#paypal-order-id'))?.trim();
    result.orderStatus = (await page.textContent('#order-status'))?.trim();
    result.transactions = await page.$$eval('tr.transaction', rows => rows.map(r => `${r.dataset.type}:${r.dataset.state}`));
    result.message = (await page.locator('#message').count()) ? (await page.textContent('#message'))?.trim() : null;
    await shot('result');
    if (await page.locator('#refund').count()) {
      await page.click('#refund');
      await page.waitForURL('**/result/**message=*');
      result.afterRefund = await page.$$eval('tr.transaction', rows => rows.map(r => `${r.dataset.type}:${r.dataset.state}`));
      result.refundMessage = (await page.textContent('#message'))?.trim();
      await shot('refunded');
    }
  }

  const ok = path === 'cancel'
    ? /cancelled/i.test(result.message ?? '') && result.cartLinesAfter === result.cartLines
    : path === 'decline'
      ? result.transactions.includes('Charge:Failure') && /declined/i.test(result.message ?? '')
      : result.orderStatus === 'COMPLETED' && result.transactions.includes('Charge:Success')
      && (result.afterRefund ?? []).includes('Refund:Success');
  console.log('RESULT ' + JSON.stringify(result));
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  result.error = String(error?.message ?? error);
  if (page) {
    result.failedAt = page.url();
    try { await shot('failure'); } catch { /* the page may be gone */ }
  }
  console.log('RESULT ' + JSON.stringify(result));
  process.exitCode = 1;
} finally {
  await browser.close();
}
