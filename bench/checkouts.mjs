// Whole checkouts through the emulated commercetools API, as a storefront BFF does them: cart, payment, addPayment,
// createPayPalOrderRequest (extension → connector → PayPal), buyer approval, capturePayPalOrderRequest, order from cart.
// Usage: node checkouts.mjs <sandbox-info.json> <count> <concurrency>   → prints one JSON line
import * as b from './lib.mjs';

const [infoPath, countArg, concurrencyArg] = process.argv.slice(2);
const sandbox = b.info(infoPath);
const count = Number(countArg);
const concurrency = Number(concurrencyArg);
const api = b.ctClient(sandbox.commercetools, await b.ctToken(sandbox.commercetools));

async function checkout() {
  const started = performance.now();
  const { payment, cart } = await b.createPaymentOnCart(api, await b.createCart(api));
  let p = await b.setField(api, payment, 'createPayPalOrderRequest', '{}');
  const orderId = b.field(p, 'PayPalOrderId');
  if (!orderId) throw new Error('create failed: ' + b.field(p, 'createPayPalOrderResponse'));
  await b.approve(sandbox.paypal, orderId);
  p = await b.setField(api, p, 'capturePayPalOrderRequest', '{}');
  if (!(p.transactions ?? []).some(t => t.type === 'Charge' && t.state === 'Success')) {
    throw new Error('capture failed: ' + b.field(p, 'capturePayPalOrderResponse'));
  }
  const current = await api('GET', `/carts/${cart.id}`);
  await api('POST', '/orders', { cart: { typeId: 'cart', id: cart.id }, version: current.version });
  return performance.now() - started;
}

// Warm-up (tokens, JIT) outside the measurement.
for (let i = 0; i < 10; i++) await checkout();

const durations = [];
let failures = 0;
let next = 0;
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < count) {
    next++;
    try {
      durations.push(await checkout());
    } catch (e) {
      failures++;
      if (failures === 1) console.error(String(e));
    }
  }
}));
const seconds = (performance.now() - started) / 1000;
durations.sort((x, y) => x - y);
console.log(JSON.stringify({
  checkouts: durations.length, failures, seconds: +seconds.toFixed(2),
  perSecond: +(durations.length / seconds).toFixed(1),
  p50: +b.percentile(durations, 50).toFixed(1), p99: +b.percentile(durations, 99).toFixed(1),
}));
