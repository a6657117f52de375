import type { AnyRoute } from "../../define-route.js";
import { createWebhookEndpointRoute } from "./create-webhook-endpoint-route.js";
import { deleteWebhookEndpointRoute } from "./delete-webhook-endpoint-route.js";
import { getWebhookDeliveryRoute } from "./get-webhook-delivery-route.js";
import { getWebhookEndpointRoute } from "./get-webhook-endpoint-route.js";
import { listWebhookDeliveriesRoute } from "./list-webhook-deliveries-route.js";
import { listWebhookEndpointsRoute } from "./list-webhook-endpoints-route.js";
import { replayWebhookDeliveryRoute } from "./replay-webhook-delivery-route.js";
import { replayWebhookEndpointRoute } from "./replay-webhook-endpoint-route.js";
import { rotateWebhookEndpointSecretRoute } from "./rotate-webhook-endpoint-secret-route.js";
import { updateWebhookEndpointRoute } from "./update-webhook-endpoint-route.js";

/** Our own (Svix-like) Backend API routes for webhook endpoints and deliveries. */
export const webhookRoutes: readonly AnyRoute[] = [
  createWebhookEndpointRoute,
  listWebhookEndpointsRoute,
  getWebhookEndpointRoute,
  updateWebhookEndpointRoute,
  deleteWebhookEndpointRoute,
  rotateWebhookEndpointSecretRoute,
  replayWebhookEndpointRoute,
  listWebhookDeliveriesRoute,
  getWebhookDeliveryRoute,
  replayWebhookDeliveryRoute,
];
