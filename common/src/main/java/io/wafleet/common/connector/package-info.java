/** The connector SPI: what a session worker drives to hold an account's WhatsApp session. */
package io.wafleet.common.connector;
