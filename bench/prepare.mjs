// Prepares what bench/run replays against the connector's extension endpoint, through the commercetools API:
// a captured payment (getPayPalOrder, capturePayPalOrder replays with the same PayPal-Request-Id) and a fresh payment on a
// cart (createPayPalOrder, a new payment version per request so every request creates a PayPal order).
// Usage: node prepare.mjs <sandbox-info.json> <connectorUrl> <extensionAuthorization> <outDir>
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as b from './lib.mjs';

const [infoPath, connectorUrl, authorization, outDir] = process.argv.slice(2);
const sandbox = b.info(infoPath);
const api = b.ctClient(sandbox.commercetools, await b.ctToken(sandbox.commercetools));

async function extension(body) {
  const res = await fetch(`${connectorUrl}/paypal-commercetools-extension`, {
    method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`extension: ${res.status} ${text}`);
  return JSON.parse(text);
}

// 1. A payment whose PayPal order is approved; captured once by a direct extension call, which later calls replay.
let { payment } = await b.createPaymentOnCart(api, await b.createCart(api));
payment = await b.setField(api, payment, 'createPayPalOrderRequest', '{}');
const orderId = b.field(payment, 'PayPalOrderId');
if (!orderId) throw new Error('no PayPal order: ' + b.field(payment, 'createPayPalOrderResponse'));
await b.approve(sandbox.paypal, orderId);
const capture = b.extensionBody(payment, 'capturePayPalOrderRequest');
const first = await extension(capture);
const response = first.actions.find(a => a.name === 'capturePayPalOrderResponse');
if (!response || JSON.parse(response.value).status !== 'COMPLETED') throw new Error('capture failed: ' + JSON.stringify(first));
writeFileSync(join(outDir, 'capture.json'), JSON.stringify(capture));
writeFileSync(join(outDir, 'get.json'), JSON.stringify(b.extensionBody(payment, 'getPayPalOrderRequest')));

// 2. A payment on a cart, no order yet: the wrk script rewrites the version so each request is a new PayPal order.
const fresh = await b.createPaymentOnCart(api, await b.createCart(api));
const create = b.extensionBody(fresh.payment, 'createPayPalOrderRequest');
create.resource.obj.version = 7777777;
writeFileSync(join(outDir, 'create.json'), JSON.stringify(create));

const token = await b.payPalToken(sandbox.paypal);

// 3. The create baseline's body: a PayPal order with the amount, breakdown and items the connector sent for payment 1.
const orderRes = await fetch(`${sandbox.paypal.apiUrl}/v2/checkout/orders/${orderId}`, { headers: { authorization: `Bearer ${token}` } });
if (orderRes.status !== 200) throw new Error(`GET order: ${orderRes.status} ${await orderRes.text()}`);
const order = await orderRes.json();
const pick = (o, names) => Object.fromEntries(names.filter(n => o[n] !== undefined).map(n => [n, o[n]]));
writeFileSync(join(outDir, 'paypal-create.json'), JSON.stringify({
  intent: order.intent,
  purchase_units: order.purchase_units.map(u => pick(u, ['reference_id', 'amount', 'items', 'custom_id', 'invoice_id'])),
}));
writeFileSync(join(outDir, 'meta.json'), JSON.stringify({ orderId, payPalToken: token, amount: payment.amountPlanned.centAmount }));
console.log(`prepared: order ${orderId} captured, payment ${fresh.payment.id} for create (${b.grossOf(fresh.cart)} cents)`);
