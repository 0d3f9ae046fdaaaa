/** Webhook signatures shared by the webhook worker and by receivers' tests. */
package io.wafleet.common.webhook;
