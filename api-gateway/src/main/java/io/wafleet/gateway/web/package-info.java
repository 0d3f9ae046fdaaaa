/**
 * The response envelope of go-whatsapp-web-multidevice ({@code status}, {@code code}, {@code message},
 * {@code results}) for every answer, framework errors included, and the input rules shared by the
 * feature packages.
 */
package io.wafleet.gateway.web;
