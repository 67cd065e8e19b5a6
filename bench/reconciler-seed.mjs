// Seeds payments for bench/reconciler-run: LAGGING payments whose PayPal order was captured directly at PayPal (the
// connector's answer lost: commercetools shows no charge) and SETTLED payments captured through the extension (in line).
// Usage: node reconciler-seed.mjs <info.json> <lagging> <settled> <concurrency>   prints {"lagging":n,"settled":m}
import { info as readInfo, ctToken, payPalToken, ctClient, setField, field, approve } from './lib.mjs';

const [infoPath, lagging, settled, concurrency] = process.argv.slice(2);
const info = readInfo(infoPath);
const api = ctClient(info.commercetools, await ctToken(info.commercetools));
const ppToken = await payPalToken(info.paypal);

async function seed(i, lag) {
  let payment = await api('POST', '/payments', {
    amountPlanned: { currencyCode: 'EUR', centAmount: 1000 + i },
    paymentMethodInfo: { paymentInterface: 'PayPal', method: 'paypal' },
    custom: { type: { typeId: 'type', key: 'paypal-payment-type' }, fields: {} },
  });
  payment = await setField(api, payment, 'createPayPalOrderRequest', '{}');
  const orderId = JSON.parse(field(payment, 'createPayPalOrderResponse')).id;
  await approve(info.paypal, orderId);
  if (!lag) {
    await setField(api, payment, 'capturePayPalOrderRequest', '{}');
    return;
  }
  const res = await fetch(`${info.paypal.apiUrl}/v2/checkout/orders/${orderId}/capture`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ppToken}`, 'content-type': 'application/json', 'paypal-request-id': `bench-${orderId}` },
    body: '{}',
  });
  if (!res.ok) throw new Error(`capture ${orderId}: ${res.status} ${await res.text()}`);
}

const jobs = [...Array(Number(lagging)).keys()].map(i => [i, true]).concat([...Array(Number(settled)).keys()].map(i => [i, false]));
let next = 0;
await Promise.all([...Array(Number(concurrency))].map(async () => {
  while (next < jobs.length) {
    const [i, lag] = jobs[next++];
    await seed(i, lag);
  }
}));
console.log(JSON.stringify({ lagging: Number(lagging), settled: Number(settled) }));
