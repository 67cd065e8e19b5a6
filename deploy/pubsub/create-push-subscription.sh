#!/usr/bin/env bash
# Creates, or updates, the Google Cloud Pub/Sub push subscription that carries the commercetools parcel messages
# (ParcelAddedToDelivery, ParcelTrackingDataUpdated) from the topic the deploy Job subscribed to, to the connector:
#
#   https://<host>/paypal-commercetools-events?token=<CONNECTOR_EVENTS_SECRET>
#
# Idempotent: run it again after rotating CONNECTOR_EVENTS_SECRET or changing the URL (it then only changes the push
# endpoint). Needs gcloud, logged in with rights on the project's topics, subscriptions and their IAM policies.
#
#   CONNECT_GCP_PROJECT_ID=my-gcp-project CONNECT_GCP_TOPIC_NAME=paypal-parcels \
#   CONNECTOR_PUBLIC_URL=https://paypal-connector.example.com CONNECTOR_EVENTS_SECRET=... \
#     deploy/pubsub/create-push-subscription.sh
#
# Optional: PUBSUB_SUBSCRIPTION (default paypal-connector-parcel-events).
# A gcloud script rather than a Config Connector manifest: the push endpoint carries the secret, and a manifest would
# put it into a file in plain text.
set -euo pipefail

: "${CONNECT_GCP_PROJECT_ID:?set CONNECT_GCP_PROJECT_ID (the same value as in the ConfigMap)}"
: "${CONNECT_GCP_TOPIC_NAME:?set CONNECT_GCP_TOPIC_NAME (the same value as in the ConfigMap)}"
: "${CONNECTOR_PUBLIC_URL:?set CONNECTOR_PUBLIC_URL (https://<the Ingress host>)}"
: "${CONNECTOR_EVENTS_SECRET:?set CONNECTOR_EVENTS_SECRET (the same value as in the Secret)}"
subscription="${PUBSUB_SUBSCRIPTION:-paypal-connector-parcel-events}"

# The connector's events route (Connector.Service, EventEndpoints.Path).
events_path="/paypal-commercetools-events"
# commercetools publishes to the topic as this service account.
commercetools_publisher="serviceAccount:subscriptions@commercetools-platform.iam.gserviceaccount.com"

case "$CONNECTOR_PUBLIC_URL" in
  https://*) ;;
  *) echo "CONNECTOR_PUBLIC_URL must start with https:// (Pub/Sub pushes only to HTTPS endpoints)" >&2; exit 2 ;;
esac
# The secret travels in the query string: only unreserved characters, so nothing needs escaping (openssl rand -hex 32).
if [[ ! "$CONNECTOR_EVENTS_SECRET" =~ ^[A-Za-z0-9._~-]{16,}$ ]]; then
  echo "CONNECTOR_EVENTS_SECRET must be at least 16 characters of A-Z a-z 0-9 . _ ~ - (e.g. openssl rand -hex 32)" >&2
  exit 2
fi

endpoint="${CONNECTOR_PUBLIC_URL%/}${events_path}?token=${CONNECTOR_EVENTS_SECRET}"
project=(--project "$CONNECT_GCP_PROJECT_ID")

if ! gcloud pubsub topics describe "$CONNECT_GCP_TOPIC_NAME" "${project[@]}" >/dev/null 2>&1; then
  gcloud pubsub topics create "$CONNECT_GCP_TOPIC_NAME" "${project[@]}"
fi
gcloud pubsub topics add-iam-policy-binding "$CONNECT_GCP_TOPIC_NAME" "${project[@]}" \
  --member "$commercetools_publisher" --role roles/pubsub.publisher >/dev/null

# The connector answers 2xx to acknowledge and 5xx to ask for redelivery; Pub/Sub's JSON envelope is what it parses,
# so the push is wrapped (the default).
if gcloud pubsub subscriptions describe "$subscription" "${project[@]}" >/dev/null 2>&1; then
  gcloud pubsub subscriptions modify-push-config "$subscription" "${project[@]}" --push-endpoint "$endpoint"
  echo "updated push endpoint of $subscription"
else
  gcloud pubsub subscriptions create "$subscription" "${project[@]}" \
    --topic "$CONNECT_GCP_TOPIC_NAME" \
    --push-endpoint "$endpoint" \
    --ack-deadline 30 \
    --min-retry-delay 10s \
    --max-retry-delay 600s \
    --message-retention-duration 7d
  echo "created $subscription"
fi
