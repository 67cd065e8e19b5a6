// Drives the commercetools emulator with the official TypeScript SDK (@commercetools/platform-sdk + ts-client),
// unchanged: all three auth flows, a payment through the PayPal extension, a cart with the payment attached,
// My Payments with a customer's password-flow token and an anonymous session, the shopper's /me profile,
// PaymentMethods, messages, and commercetools' error shape for an unknown update action.
// Usage: node commercetools-sdk.mjs <sandbox-info.json>. Prints one line per step; exits 1 if any step failed.
import { readFileSync } from 'node:fs';
import { ClientBuilder } from '@commercetools/ts-client';
import { createApiBuilderFromCtpClient } from '@commercetools/platform-sdk';

const info = JSON.parse(readFileSync(process.argv[2], 'utf8')).commercetools;
const { projectKey, apiUrl, authUrl, clientId, clientSecret } = info;
const credentials = { clientId, clientSecret };

function api(builder) {
  const client = builder.withHttpMiddleware({ host: apiUrl, httpClient: fetch }).build();
  return createApiBuilderFromCtpClient(client).withProjectKey({ projectKey });
}

const admin = api(new ClientBuilder().withProjectKey(projectKey)
  .withClientCredentialsFlow({ host: authUrl, projectKey, credentials, httpClient: fetch }));

let failures = 0;
async function step(name, fn) {
  try {
    const detail = await fn();
    console.log(`ok   ${name}${detail ? ` (${detail})` : ''}`);
  } catch (e) {
    failures++;
    const body = e?.body ? JSON.stringify(e.body) : '';
    console.log(`FAIL ${name}: ${e?.message ?? e} ${body}`.trim());
  }
}
function check(condition, message) {
  if (!condition) throw new Error(message);
}

const unique = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
let payment, cart, customer;

await step('client credentials: get project-scoped resource', async () => {
  const types = await admin.types().get({ queryArgs: { where: 'key="paypal-payment-type"' } }).execute();
  check(types.body.results.length === 1, 'paypal-payment-type not found');
  return `type ${types.body.results[0].id}`;
});

await step('payment: create with the PayPal type', async () => {
  const r = await admin.payments().post({ body: {
    amountPlanned: { currencyCode: 'EUR', centAmount: 1999 },
    paymentMethodInfo: { paymentInterface: 'PayPal', method: 'paypal' },
    custom: { type: { typeId: 'type', key: 'paypal-payment-type' }, fields: {} },
  } }).execute();
  check(r.statusCode === 201, `status ${r.statusCode}`);
  payment = r.body;
  return payment.id;
});

await step('payment: createPayPalOrderRequest runs through the extension', async () => {
  const r = await admin.payments().withId({ ID: payment.id }).post({ body: {
    version: payment.version,
    actions: [{ action: 'setCustomField', name: 'createPayPalOrderRequest', value: '{}' }],
  } }).execute();
  payment = r.body;
  const order = JSON.parse(payment.custom.fields.createPayPalOrderResponse);
  check(order.id && payment.custom.fields.PayPalOrderId === order.id, 'no PayPal order id');
  return `order ${order.id}, version ${payment.version}`;
});

await step('catalog: product type, tax category and a priced product', async () => {
  const productType = await admin.productTypes().post({ body: { key: `sdk-pt-${unique}`, name: 'SDK', description: 'SDK' } }).execute();
  const tax = await admin.taxCategories().post({ body: { key: `sdk-tax-${unique}`, name: 'Standard',
    rates: [{ name: 'DE 19%', amount: 0.19, includedInPrice: true, country: 'DE' }] } }).execute();
  const product = await admin.products().post({ body: {
    key: `sdk-p-${unique}`, productType: { typeId: 'product-type', id: productType.body.id }, name: { en: 'SDK shirt' },
    slug: { en: `sdk-shirt-${unique}` }, taxCategory: { typeId: 'tax-category', id: tax.body.id }, publish: true,
    masterVariant: { sku: `SDK-${unique}`, prices: [{ value: { currencyCode: 'EUR', centAmount: 1999 } }] },
  } }).execute();
  check(product.statusCode === 201, `status ${product.statusCode}`);
  return product.body.id;
});

await step('cart: create with line items and attach the payment', async () => {
  const created = await admin.carts().post({ body: {
    currency: 'EUR', country: 'DE', customerEmail: 'sdk@example.com',
    shippingAddress: { country: 'DE', firstName: 'Sdk', lastName: 'Shopper' },
    lineItems: [{ sku: `SDK-${unique}`, quantity: 2 }],
  } }).execute();
  check(created.body.lineItems.length === 1 && created.body.lineItems[0].quantity === 2, 'line items missing');
  check(created.body.totalPrice.centAmount === 3998, `total ${created.body.totalPrice.centAmount}`);
  check(created.body.taxedPrice?.totalGross?.centAmount === 3998, 'taxed price missing');
  const r = await admin.carts().withId({ ID: created.body.id }).post({ body: {
    version: created.body.version,
    actions: [{ action: 'addPayment', payment: { typeId: 'payment', id: payment.id } }],
  } }).execute();
  cart = r.body;
  check(cart.paymentInfo?.payments?.[0]?.id === payment.id, 'payment not attached');
  const found = await admin.carts().get({ queryArgs: { where: `paymentInfo(payments(id="${payment.id}"))` } }).execute();
  check(found.body.results.length === 1, 'cart not found by payment');
  return cart.id;
});

await step('customer: sign up', async () => {
  const r = await admin.customers().post({ body: { email: `sdk-${unique}@example.com`, password: 'Secret-123', firstName: 'Sdk', lastName: 'Shopper' } }).execute();
  customer = r.body.customer;
  check(customer?.id, 'no customer in CustomerSignInResult');
  return customer.id;
});

await step('password flow: My Payments create, get and query', async () => {
  const me = api(new ClientBuilder().withProjectKey(projectKey).withPasswordFlow({
    host: authUrl, projectKey, httpClient: fetch,
    credentials: { clientId, clientSecret, user: { username: `sdk-${unique}@example.com`, password: 'Secret-123' } },
  }));
  const created = await me.me().payments().post({ body: { amountPlanned: { currencyCode: 'EUR', centAmount: 500 } } }).execute();
  check(created.statusCode === 201, `status ${created.statusCode}`);
  check(created.body.customer?.id === customer.id, 'payment not owned by the customer');
  const got = await me.me().payments().withId({ ID: created.body.id }).get().execute();
  check(got.body.id === created.body.id, 'get failed');
  const list = await me.me().payments().get().execute();
  check(list.body.results.every(p => p.customer?.id === customer.id), 'query returned another owner\'s payment');
  let foreign = 0;
  try { await me.me().payments().withId({ ID: payment.id }).get().execute(); } catch (e) { foreign = e.statusCode ?? e.body?.statusCode; }
  check(foreign === 404, `another owner's payment was visible (${foreign})`);
  return `${list.body.results.length} own payment(s)`;
});

await step('anonymous session: My Payments create', async () => {
  const anon = api(new ClientBuilder().withProjectKey(projectKey).withAnonymousSessionFlow({
    host: authUrl, projectKey, httpClient: fetch, credentials: { clientId, clientSecret, anonymousId: `anon-${unique}` },
  }));
  const created = await anon.me().payments().post({ body: { amountPlanned: { currencyCode: 'EUR', centAmount: 700 } } }).execute();
  check(created.body.anonymousId === `anon-${unique}`, `anonymousId ${created.body.anonymousId}`);
  return created.body.id;
});

await step('payment methods: create, get by key, set default, delete', async () => {
  const key = `sdk-pm-${unique}`;
  const created = await admin.paymentMethods().post({ body: {
    key, customer: { typeId: 'customer', id: customer.id }, method: 'card', paymentInterface: 'PayPal',
    token: { value: `tok-${unique}` }, paymentMethodStatus: 'Active',
  } }).execute();
  check(created.statusCode === 201, `status ${created.statusCode}`);
  const byKey = await admin.paymentMethods().withKey({ key }).get().execute();
  check(byKey.body.id === created.body.id, 'get by key failed');
  const updated = await admin.paymentMethods().withId({ ID: created.body.id }).post({ body: {
    version: byKey.body.version, actions: [{ action: 'setDefault', default: true }],
  } }).execute();
  check(updated.body.default === true, 'not default');
  await admin.paymentMethods().withId({ ID: created.body.id }).delete({ queryArgs: { version: updated.body.version } }).execute();
  return created.body.id;
});

await step('messages: payment messages are queryable', async () => {
  const r = await admin.messages().get({ queryArgs: { where: `resource(id="${payment.id}")`, sort: 'sequenceNumber asc' } }).execute();
  check(r.body.results.length > 0 && r.body.results[0].type === 'PaymentCreated', `first message ${r.body.results[0]?.type}`);
  return `${r.body.results.length} message(s)`;
});

await step('errors: an unknown update action is InvalidJsonInput naming the action', async () => {
  try {
    const current = await admin.payments().withId({ ID: payment.id }).get().execute();
    await admin.payments().withId({ ID: payment.id }).post({ body: { version: current.body.version, actions: [{ action: 'noSuchAction' }] } }).execute();
  } catch (e) {
    const error = e?.body?.errors?.[0];
    check(e?.statusCode === 400 || e?.body?.statusCode === 400, `status ${e?.statusCode}`);
    check(error?.code === 'InvalidJsonInput', `code ${error?.code}`);
    check(String(error?.detailedErrorMessage ?? '').includes('noSuchAction'), `detailedErrorMessage ${error?.detailedErrorMessage}`);
    return error.detailedErrorMessage;
  }
  throw new Error('the update was accepted');
});

await step('password flow: /me profile read and custom field update', async () => {
  const shopper = api(new ClientBuilder().withProjectKey(projectKey).withPasswordFlow({
    host: authUrl, projectKey, httpClient: fetch,
    credentials: { clientId, clientSecret, user: { username: `sdk-${unique}@example.com`, password: 'Secret-123' } },
  }));
  const me = await shopper.me().get().execute();
  check(me.body.id === customer.id, 'another customer');
  const updated = await shopper.me().post({ body: { version: me.body.version, actions: [{ action: 'setFirstName', firstName: 'Renamed' }] } }).execute();
  check(updated.body.firstName === 'Renamed' && updated.body.version > me.body.version, `first name ${updated.body.firstName}, version ${updated.body.version}`);
  return `version ${updated.body.version}`;
});

console.log(failures === 0 ? 'all steps passed' : `${failures} step(s) failed`);
process.exit(failures === 0 ? 0 : 1);
