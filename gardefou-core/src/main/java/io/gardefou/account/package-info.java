/** Tenants, API keys and the roles that say what each key may do. */
package io.gardefou.account;
