/** The console's start page: the live traffic of the latest transactions and their decisions. */
package io.vigil.web.transactions;
