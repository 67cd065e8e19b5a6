// Small raw-JSON helpers shared by the bench scripts (commercetools and PayPal emulator calls over loopback).
import { readFileSync } from 'node:fs';

export const info = path => JSON.parse(readFileSync(path, 'utf8'));

export async function ctToken(ct) {
  const res = await fetch(`${ct.authUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: 'Basic ' + Buffer.from(`${ct.clientId}:${ct.clientSecret}`).toString('base64'),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (!res.ok) throw new Error(`commercetools token: ${res.status}`);
  return (await res.json()).access_token;
}

export async function payPalToken(pp) {
  const res = await fetch(`${pp.apiUrl}/v1/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: 'Basic ' + Buffer.from(`${pp.clientId}:${pp.clientSecret}`).toString('base64'),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (!res.ok) throw new Error(`PayPal token: ${res.status}`);
  return (await res.json()).access_token;
}

/** A commercetools API client bound to one project and token: ct('POST', '/carts', draft) → parsed body (throws on non-2xx). */
export function ctClient(ct, token) {
  return async (method, path, body) => {
    const res = await fetch(`${ct.apiUrl}/${ct.projectKey}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
}

export const buyer = {
  firstName: 'Erika', lastName: 'Mustermann', streetName: 'Heidestraße', streetNumber: '17',
  postalCode: '51147', city: 'Köln', country: 'DE', email: 'erika.mustermann@example.com',
};

/** A priced cart with two demo products and standard shipping (the sandbox seeds them with its demo). */
export async function createCart(api) {
  return api('POST', '/carts', {
    currency: 'EUR', country: 'DE', locale: 'en', customerEmail: buyer.email, taxMode: 'Platform', inventoryMode: 'None',
    shippingAddress: buyer, billingAddress: buyer,
    shippingMethod: { typeId: 'shipping-method', key: 'demo-standard-shipping' },
    lineItems: [{ sku: 'DEMO-MUG', quantity: 1 }, { sku: 'DEMO-TSHIRT', quantity: 2 }],
  });
}

export const grossOf = cart => cart.taxedPrice?.totalGross?.centAmount ?? cart.totalPrice.centAmount;

/** A PayPal payment for the cart's total, attached to the cart (the connector finds the cart through it). */
export async function createPaymentOnCart(api, cart) {
  const payment = await api('POST', '/payments', {
    amountPlanned: { currencyCode: 'EUR', centAmount: grossOf(cart) },
    paymentMethodInfo: { paymentInterface: 'PayPal', method: 'paypal' },
    custom: { type: { typeId: 'type', key: 'paypal-payment-type' }, fields: {} },
  });
  const updatedCart = await api('POST', `/carts/${cart.id}`, {
    version: cart.version,
    actions: [{ action: 'addPayment', payment: { typeId: 'payment', id: payment.id } }],
  });
  return { payment, cart: updatedCart };
}

export async function setField(api, payment, name, value) {
  return api('POST', `/payments/${payment.id}`, {
    version: payment.version,
    actions: [{ action: 'setCustomField', name, value }],
  });
}

export const field = (payment, name) => payment.custom?.fields?.[name];

/** The buyer approves on PayPal's side (the emulator's control API does what the approval page's button does). */
export async function approve(pp, orderId) {
  const res = await fetch(`${pp.apiUrl}/emulator/orders/${orderId}/approve`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
  });
  if (!res.ok) throw new Error(`approve ${orderId}: ${res.status} ${await res.text()}`);
}

/** The body commercetools would POST to the extension when the given request field is set on the payment. */
export function extensionBody(payment, fieldName, value = '{}') {
  const obj = structuredClone(payment);
  obj.custom.fields[fieldName] = value;
  return { action: 'Update', resource: { typeId: 'payment', id: payment.id, obj } };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
