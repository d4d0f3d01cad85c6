/**
 * The images gateway: the walk of one generation or edit through input screening, the upstream model and output
 * screening, as an ordered list of small {@link io.gardefou.gateway.Stage stages}. Knows neither HTTP nor SQL; the
 * upstream is an interface. {@code docs/design/gateway.md} explains the walk.
 */
package io.gardefou.gateway;
