package io.vigil.ingest.rest;

/** No transaction was recorded with this id. */
class TransactionNotFoundException extends RuntimeException {

    TransactionNotFoundException(String transactionId) {
        super("no transaction with id " + transactionId);
    }
}
