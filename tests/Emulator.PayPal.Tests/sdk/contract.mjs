// Drives Emulator.PayPal with PayPal's official server SDK: the SDK's own models must parse every answer.
// Run by SdkContractTests with EMULATOR_URL, CLIENT_ID and CLIENT_SECRET set.
import assert from 'node:assert/strict';
import axios from 'axios';
import {
  ApiError,
  CheckoutPaymentIntent,
  Client,
  Environment,
  OrdersController,
  PaymentsController,
  VaultController,
} from '@paypal/paypal-server-sdk';

const base = process.env.EMULATOR_URL;
const sandbox = 'https://api-m.sandbox.paypal.com';
const httpAdapter = axios.getAdapter('http');

// The SDK has no base-URL option; send its sandbox calls to the emulator instead.
const client = new Client({
  clientCredentialsAuthCredentials: { oAuthClientId: process.env.CLIENT_ID, oAuthClientSecret: process.env.CLIENT_SECRET },
  environment: Environment.Sandbox,
  timeout: 20000,
  unstable_httpClientOptions: {
    adapter: (config) => httpAdapter({ ...config, url: config.url.replace(sandbox, base) }),
  },
});
const orders = new OrdersController(client);
const payments = new PaymentsController(client);
const vault = new VaultController(client);

let n = 0;
const id = () => `sdk-${process.pid}-${++n}`;
const representation = 'return=representation';
const card = {
  number: '4111111111111111',
  expiry: '2030-12',
  securityCode: '123',
  name: 'John Doe',
  billingAddress: { addressLine1: 'Main St 1', postalCode: '10115', countryCode: 'DE' },
};

const results = [];
async function scenario(name, body) {
  try {
    await body();
    results.push([name, true]);
    console.log(`ok   ${name}`);
  } catch (error) {
    results.push([name, false]);
    console.log(`FAIL ${name}: ${error instanceof ApiError ? `${error.statusCode} ${error.body}` : error.stack}`);
  }
}

await scenario('card order is captured with a seller receivable breakdown', async () => {
  const { result: order, statusCode } = await orders.createOrder({
    paypalRequestId: id(),
    prefer: representation,
    body: {
      intent: CheckoutPaymentIntent.Capture,
      purchaseUnits: [{
        referenceId: 'default',
        invoiceId: id(),
        amount: {
          currencyCode: 'EUR',
          value: '90.00',
          breakdown: {
            itemTotal: { currencyCode: 'EUR', value: '80.00' },
            taxTotal: { currencyCode: 'EUR', value: '8.00' },
            shipping: { currencyCode: 'EUR', value: '5.00' },
            discount: { currencyCode: 'EUR', value: '3.00' },
          },
        },
        items: [{ name: 'Sneaker', quantity: '2', sku: 'SNK-1', unitAmount: { currencyCode: 'EUR', value: '40.00' }, tax: { currencyCode: 'EUR', value: '4.00' } }],
      }],
      paymentSource: { card },
    },
  });
  assert.equal(statusCode, 201);
  assert.equal(order.status, 'APPROVED');
  assert.equal(order.paymentSource.card.lastDigits, '1111');
  assert.equal(order.purchaseUnits[0].items[0].sku, 'SNK-1');

  const { result: captured } = await orders.captureOrder({ id: order.id, paypalRequestId: id(), prefer: representation });
  assert.equal(captured.status, 'COMPLETED');
  const capture = captured.purchaseUnits[0].payments.captures[0];
  assert.equal(capture.status, 'COMPLETED');
  assert.equal(capture.amount.value, '90.00');
  assert.equal(capture.finalCapture, true);
  assert.ok(capture.sellerReceivableBreakdown.netAmount.value);
  const { result: fetchedCapture } = await payments.getCapturedPayment({ captureId: capture.id });
  assert.equal(fetchedCapture.supplementaryData.relatedIds.orderId, order.id);

  const { result: refund } = await payments.refundCapturedPayment({
    captureId: capture.id, paypalRequestId: id(), prefer: representation,
    body: { amount: { currencyCode: 'EUR', value: '10.00' }, noteToPayer: 'partial' },
  });
  assert.equal(refund.status, 'COMPLETED');
  assert.equal(refund.amount.value, '10.00');
  const { result: afterRefund } = await payments.getCapturedPayment({ captureId: capture.id });
  assert.equal(afterRefund.status, 'PARTIALLY_REFUNDED');
  const { result: fetchedRefund } = await payments.getRefund({ refundId: refund.id });
  assert.equal(fetchedRefund.sellerPayableBreakdown.grossAmount.value, '10.00');

  const { result: tracked } = await orders.createOrderTracking({
    id: order.id,
    body: { captureId: capture.id, trackingNumber: '1Z999', carrier: 'DHL', notifyPayer: false },
  });
  assert.equal(tracked.purchaseUnits[0].shipping.trackers[0].id, `${capture.id}-1Z999`);
});

await scenario('paypal order needs the payer, then capture works', async () => {
  const { result: order } = await orders.createOrder({
    paypalRequestId: id(),
    prefer: representation,
    body: {
      intent: CheckoutPaymentIntent.Capture,
      purchaseUnits: [{ amount: { currencyCode: 'USD', value: '12.34' } }],
      paymentSource: { paypal: { experienceContext: { returnUrl: 'https://shop.example.com/ok', cancelUrl: 'https://shop.example.com/ko' } } },
    },
  });
  assert.equal(order.status, 'PAYER_ACTION_REQUIRED');
  const payerAction = order.links.find((l) => l.rel === 'payer-action').href;
  assert.ok(payerAction.startsWith(`${base}/checkoutnow?token=`));

  try {
    await orders.captureOrder({ id: order.id, paypalRequestId: id() });
    assert.fail('capture of an unapproved order must fail');
  } catch (error) {
    assert.ok(error instanceof ApiError);
    assert.equal(error.statusCode, 422);
    assert.equal(error.result.details[0].issue, 'ORDER_NOT_APPROVED');
  }

  const approval = await fetch(payerAction, { method: 'POST', body: new URLSearchParams({ decision: 'approve' }), redirect: 'manual' });
  assert.equal(approval.status, 303);

  const { result: approved } = await orders.getOrder({ id: order.id });
  assert.equal(approved.status, 'APPROVED');
  assert.equal(approved.paymentSource.paypal.emailAddress, 'sb-buyer@example.com');
  const { result: captured } = await orders.captureOrder({ id: order.id, paypalRequestId: id(), prefer: representation });
  assert.equal(captured.purchaseUnits[0].payments.captures[0].amount.value, '12.34');
});

await scenario('authorization is captured in part and the rest voided', async () => {
  const { result: order } = await orders.createOrder({
    paypalRequestId: id(),
    body: {
      intent: CheckoutPaymentIntent.Authorize,
      purchaseUnits: [{ amount: { currencyCode: 'JPY', value: '5000' } }],
      paymentSource: { card },
    },
  });
  const { result: authorized } = await orders.authorizeOrder({ id: order.id, paypalRequestId: id(), prefer: representation });
  const authorization = authorized.purchaseUnits[0].payments.authorizations[0];
  assert.equal(authorization.status, 'CREATED');
  const { result: partial, statusCode } = await payments.captureAuthorizedPayment({
    authorizationId: authorization.id, paypalRequestId: id(), prefer: representation,
    body: { amount: { currencyCode: 'JPY', value: '2000' }, finalCapture: false },
  });
  assert.equal(statusCode, 201);
  assert.equal(partial.amount.value, '2000');
  const { result: afterCapture } = await payments.getAuthorizedPayment({ authorizationId: authorization.id });
  assert.equal(afterCapture.status, 'PARTIALLY_CAPTURED');
  const { statusCode: voidStatus } = await payments.voidPayment({ authorizationId: authorization.id, paypalRequestId: id() });
  assert.equal(voidStatus, 204);
  const { result: voided } = await payments.getAuthorizedPayment({ authorizationId: authorization.id });
  assert.equal(voided.status, 'VOIDED');
});

await scenario('order patch changes the amount', async () => {
  const { result: order } = await orders.createOrder({
    paypalRequestId: id(),
    body: { intent: CheckoutPaymentIntent.Capture, purchaseUnits: [{ amount: { currencyCode: 'EUR', value: '10.00' } }] },
  });
  const { statusCode } = await orders.patchOrder({
    id: order.id,
    body: [{ op: 'replace', path: "/purchase_units/@reference_id=='default'/amount", value: { currency_code: 'EUR', value: '11.00' } }],
  });
  assert.equal(statusCode, 204);
  const { result: patched } = await orders.getOrder({ id: order.id });
  assert.equal(patched.purchaseUnits[0].amount.value, '11.00');
});

await scenario('vault: setup token exchanged for a payment token, listed and deleted', async () => {
  const { result: setup } = await vault.createSetupToken({
    paypalRequestId: id(),
    body: { paymentSource: { card }, customer: { id: 'customer_sdk_contract' } },
  });
  assert.equal(setup.status, 'APPROVED');
  const { result: token, statusCode } = await vault.createPaymentToken({
    paypalRequestId: id(),
    body: { paymentSource: { token: { id: setup.id, type: 'SETUP_TOKEN' } } },
  });
  assert.equal(statusCode, 201);
  assert.equal(token.customer.id, 'customer_sdk_contract');
  assert.equal(token.paymentSource.card.brand, 'VISA');
  const { result: list } = await vault.listCustomerPaymentTokens({ customerId: 'customer_sdk_contract', totalRequired: true });
  assert.equal(list.totalItems, 1);
  assert.equal(list.paymentTokens[0].id, token.id);
  const { result: fetched } = await vault.getPaymentToken(token.id);
  assert.equal(fetched.paymentSource.card.lastDigits, '1111');
  const { statusCode: deleted } = await vault.deletePaymentToken(token.id);
  assert.equal(deleted, 204);
});

const failed = results.filter(([, ok]) => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
